/**
 * A coordinate reference system as the validator uses it: a proj4 definition, and where the
 * system is meant to be used. Pinned ones come from src/domain/validation/projectedCrs.ts; the
 * rest from the EPSG registry package, loaded by src/data/crs/loadCrsDefinition.ts only when a
 * file names a code the pinned list lacks (docs/input-rules.md, C2).
 */
export interface CrsDefinition {
  code: number;
  name: { zh: string; en: string };
  proj4: string;
  /** The registry's area of use in degrees [west, south, east, north]; absent for pinned systems without one. */
  areaOfUse?: [number, number, number, number];
  /** The registry's description of that area, e.g. "China - onshore between 106°30'E and 109°30'E.". */
  areaName?: string;
  /** Metres; the registry's accuracy of the system's shift to WGS 84, when it gives one. */
  accuracyMeters?: number;
}

/** True for longitude/latitude systems, whose coordinates are degrees rather than metres. */
export function isGeographic(definition: Pick<CrsDefinition, 'proj4'>): boolean {
  return /\+proj=(longlat|latlong|lonlat|latlon)\b/.test(definition.proj4);
}

/** The value of a `+key=value` parameter of a proj4 string. */
export function proj4Parameter(proj4: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)\\+${key}=(\\S+)`).exec(proj4);
  return match?.[1];
}
