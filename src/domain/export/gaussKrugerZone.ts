/**
 * A CGCS2000 3° Gauss-Krüger zone and its two EPSG codes. Zone n has its central meridian at 3n°E
 * and covers 3n ± 1.5°; China's zones are 25 (75°E) to 45 (135°E):
 *   EPSG:4534–4554  false easting 500 000 m ("without zone prefix"), what QGIS users usually pick;
 *   EPSG:4513–4533  false easting n × 10⁶ + 500 000 m (the zone number leads the easting).
 * The proj4 definitions of both live in validation/projectedCrs.ts, one source for import and export.
 */
export interface GaussKrugerZone {
  zone: number;
  centralMeridianDegrees: number;
  /** EPSG:4534–4554, easting without the zone prefix. */
  epsg: number;
  /** EPSG:4513–4533, easting with the zone prefix. */
  prefixedEpsg: number;
}

const FIRST_ZONE = 25;
const LAST_ZONE = 45;

/** The zone whose central meridian is nearest `longitudeDegrees`, or undefined outside 73.5°E–136.5°E. */
export function gaussKrugerZoneOf(longitudeDegrees: number): GaussKrugerZone | undefined {
  const zone = Math.round(longitudeDegrees / 3);
  if (!(zone >= FIRST_ZONE && zone <= LAST_ZONE)) return undefined;
  return { zone, centralMeridianDegrees: 3 * zone, epsg: 4534 + zone - FIRST_ZONE, prefixedEpsg: 4513 + zone - FIRST_ZONE };
}
