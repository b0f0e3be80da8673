import { forbiddenChanges, isRestricted, type EditScope, type SubDistrictOfShape } from '../domain/access/editScope';
import type { PlanGeometry } from '../domain/plan/planFeature';
import { streetOfShape } from '../domain/streets/streetOfShape';
import { SUB_DISTRICTS_FILE } from '../data/parseSubDistricts';
import { subDistrictsOfText } from '../data/readSubDistricts';
import type { GeodataReader } from '../data/geodataReader';
import type { SaveRequest } from './store/planStore';

/**
 * The store's `authorize` for a save by an account with `scope`, or undefined when the account
 * has none. The boundaries are read before the store's lock is taken; the rule itself runs under
 * it, against the layer as stored.
 */
export async function authorizeEditScope(scope: EditScope | undefined, layerId: string, geodata: GeodataReader): Promise<SaveRequest['authorize']> {
  if (!isRestricted(scope)) return undefined;
  const subDistricts = scope?.subDistricts ? subDistrictsOfText((await geodata.read(SUB_DISTRICTS_FILE))?.toString('utf8') ?? null) : [];
  const placed = subDistricts.length > 0 ? memoized((geometry) => streetOfShape(geometry, subDistricts)?.street) : undefined;
  return (before, after) => {
    const forbidden = forbiddenChanges(scope, layerId, before, after, placed);
    return forbidden.length > 0 ? forbidden : null;
  };
}

/** An unchanged shape is placed once, not once as it was and once as it is (the overlay is the costly part). */
function memoized(place: SubDistrictOfShape): SubDistrictOfShape {
  const known = new Map<string, string | undefined>();
  return (geometry: PlanGeometry) => {
    const key = JSON.stringify(geometry);
    if (!known.has(key)) {
      let street: string | undefined;
      try {
        street = place(geometry);
      } catch {
        // A shape the clipping library cannot resolve is judged by the sub-district it names.
        street = undefined;
      }
      known.set(key, street);
    }
    return known.get(key);
  };
}
