/*
 * The Gauss-Krüger zone families of Chinese surveys in the EPSG registry, each numbered twice:
 * once with the zone number written in front of the easting (false easting zone × 10⁶ + 500 000,
 * 8-digit eastings) and once by central meridian without it (false easting 500 000, 6-digit
 * eastings). Read off the registry's definitions (epsg-index): 3° zones 25–45 are central
 * meridians 75°E–135°E in steps of 3°, 6° zones 13–23 the same meridians in steps of 6°.
 */

export interface GaussKrugerFamily {
  datum: string;
  degrees: 3 | 6;
  /** First code of the zones with prefix, and the zone it is. */
  prefixedFirst: number;
  firstZone: number;
  lastZone: number;
  /** First code of the zones without prefix (central meridian 75°E). */
  plainFirst: number;
}

export const GAUSS_KRUGER_FAMILIES: readonly GaussKrugerFamily[] = [
  { datum: 'CGCS2000', degrees: 3, prefixedFirst: 4513, firstZone: 25, lastZone: 45, plainFirst: 4534 },
  { datum: 'CGCS2000', degrees: 6, prefixedFirst: 4491, firstZone: 13, lastZone: 23, plainFirst: 4502 },
  { datum: 'Xian 1980', degrees: 3, prefixedFirst: 2349, firstZone: 25, lastZone: 45, plainFirst: 2370 },
  { datum: 'Xian 1980', degrees: 6, prefixedFirst: 2327, firstZone: 13, lastZone: 23, plainFirst: 2338 },
  { datum: 'Beijing 1954', degrees: 3, prefixedFirst: 2401, firstZone: 25, lastZone: 45, plainFirst: 2422 },
  { datum: 'Beijing 1954', degrees: 6, prefixedFirst: 21413, firstZone: 13, lastZone: 23, plainFirst: 21453 },
];

export type GaussKrugerZone = { family: GaussKrugerFamily; zone: number; prefixed: boolean };

/** The family, zone and numbering of an EPSG code, when it is a Chinese Gauss-Krüger zone. */
export function gaussKrugerZoneOf(code: number): GaussKrugerZone | undefined {
  const zones = (family: GaussKrugerFamily): number => family.lastZone - family.firstZone + 1;
  for (const family of GAUSS_KRUGER_FAMILIES) {
    if (code >= family.prefixedFirst && code < family.prefixedFirst + zones(family)) return { family, zone: family.firstZone + code - family.prefixedFirst, prefixed: true };
    if (code >= family.plainFirst && code < family.plainFirst + zones(family)) return { family, zone: family.firstZone + code - family.plainFirst, prefixed: false };
  }
  return undefined;
}

/** The code of the same family's zone in the other numbering (or another zone with prefix). */
export function gaussKrugerCode(family: GaussKrugerFamily, zone: number, prefixed: boolean): number | undefined {
  if (zone < family.firstZone || zone > family.lastZone) return undefined;
  return (prefixed ? family.prefixedFirst : family.plainFirst) + zone - family.firstZone;
}
