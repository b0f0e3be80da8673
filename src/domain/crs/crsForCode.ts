import { projectedCrs } from '../validation/projectedCrs';
import type { CrsDefinition } from './crsDefinition';
import { gaussKrugerZoneOf } from './gaussKrugerFamilies';

/*
 * The definition of an EPSG code: the pinned one when the code is among the systems Chinese data
 * usually arrives in (they need no registry, so the registry package is not loaded for them),
 * else the one loaded from the registry into `loaded`. The pinned Gauss-Krüger definitions were
 * compared with the registry's and agree (tests/unit/domain/crs/crsForCode.test.ts); their area
 * of use is the zone's strip of meridians over China's latitudes (EPSG: 16.7°N–53.6°N), UTM's
 * its 6° strip, Web Mercator's the world to ±85.06°.
 */

function pinnedAreaOfUse(code: number): [number, number, number, number] | undefined {
  const zone = gaussKrugerZoneOf(code);
  if (zone) {
    const meridian = zone.family.degrees === 3 ? 3 * zone.zone : 6 * zone.zone - 3;
    const half = zone.family.degrees / 2;
    return [meridian - half, 16.7, meridian + half, 53.6];
  }
  if (code >= 32601 && code <= 32760) {
    const meridian = 6 * (code % 100) - 183;
    return code >= 32701 ? [meridian - 3, -80, meridian + 3, 0] : [meridian - 3, 0, meridian + 3, 84];
  }
  return [-180, -85.06, 180, 85.06];
}

export function crsForCode(code: number, loaded?: ReadonlyMap<number, CrsDefinition>): CrsDefinition | undefined {
  const fromRegistry = loaded?.get(code);
  const pinned = projectedCrs(code);
  if (!pinned) return fromRegistry;
  const definition: CrsDefinition = { code, name: pinned.name, proj4: pinned.proj4 };
  const areaOfUse = fromRegistry?.areaOfUse ?? pinnedAreaOfUse(code);
  if (areaOfUse) definition.areaOfUse = areaOfUse;
  if (fromRegistry?.areaName) definition.areaName = fromRegistry.areaName;
  return definition;
}
