import { useEffect, useMemo, useState } from 'react';
import type { PlanGeometry } from '../../domain/plan/planFeature';
import { streetOfShape, type SubDistrict } from '../../domain/streets/streetOfShape';
import { fetchSubDistricts } from '../../data/fetchSubDistricts';

export type StreetSuggestion =
  | { status: 'loading' }
  /** The basemap has no readable sub-district boundaries: the field is typed by hand. */
  | { status: 'unavailable' }
  | { status: 'found'; street: string; streets: readonly string[] }
  | { status: 'outside'; streets: readonly string[] };

let subDistricts: Promise<SubDistrict[]> | undefined;

/** Read once per page: the boundaries change only with the district's basemap. */
function loadSubDistricts(): Promise<SubDistrict[]> {
  subDistricts ??= fetchSubDistricts(new URL('geodata/', document.baseURI).href).catch((error: unknown) => {
    subDistricts = undefined;
    throw error;
  });
  return subDistricts;
}

/** The sub-district a drawn shape lies in (mostly), from the basemap's boundaries, and every sub-district's name. */
export function useStreetSuggestion(geometry: PlanGeometry): StreetSuggestion {
  const [boundaries, setBoundaries] = useState<SubDistrict[] | null | undefined>();
  useEffect(() => {
    let live = true;
    loadSubDistricts().then(
      (loaded) => { if (live) setBoundaries(loaded); },
      () => { if (live) setBoundaries(null); },
    );
    return () => { live = false; };
  }, []);
  return useMemo((): StreetSuggestion => {
    if (boundaries === undefined) return { status: 'loading' };
    if (boundaries === null || boundaries.length === 0) return { status: 'unavailable' };
    const streets = boundaries.map((boundary) => boundary.name);
    try {
      const found = streetOfShape(geometry, boundaries);
      return found ? { status: 'found', street: found.street, streets } : { status: 'outside', streets };
    } catch {
      // An overlay the clipping library cannot resolve leaves the choice to the user.
      return { status: 'unavailable' };
    }
  }, [boundaries, geometry]);
}
