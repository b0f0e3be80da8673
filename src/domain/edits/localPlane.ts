/** Mean Earth radius (IUGG, the radius turf uses): a local plane needs metres, not the ellipsoid. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const METERS_PER_DEGREE = (EARTH_RADIUS_METERS * Math.PI) / 180;

export type LonLat = readonly [number, number];

export interface LocalPlane {
  /** East and north of the origin, in metres. */
  toMeters(position: readonly number[]): [number, number];
  toLonLat(meters: readonly [number, number]): [number, number];
  /** How many degrees of longitude and latitude `meters` spans here, for box queries. */
  degreesFor(meters: number): { longitudeDegrees: number; latitudeDegrees: number };
}

/**
 * An equirectangular plane tangent at `origin`: over the few hundred metres a snap tolerance or
 * a pointer gesture spans, its distances are within a fraction of a per mille of the geodesic
 * ones, which is all a pixel tolerance needs, and it is cheap enough to run per mouse move.
 */
export function localPlane(origin: LonLat): LocalPlane {
  const [originLongitude, originLatitude] = origin;
  // Clamped so a pointer at a pole cannot divide by zero.
  const cosLatitude = Math.max(Math.cos((originLatitude * Math.PI) / 180), 1e-6);
  const metersPerLongitudeDegree = METERS_PER_DEGREE * cosLatitude;
  return {
    toMeters: (position) => [((position[0] ?? Number.NaN) - originLongitude) * metersPerLongitudeDegree, ((position[1] ?? Number.NaN) - originLatitude) * METERS_PER_DEGREE],
    toLonLat: ([east, north]) => [originLongitude + east / metersPerLongitudeDegree, originLatitude + north / METERS_PER_DEGREE],
    degreesFor: (meters) => ({ longitudeDegrees: meters / metersPerLongitudeDegree, latitudeDegrees: meters / METERS_PER_DEGREE }),
  };
}

/** Straight-line distance in metres between two nearby positions. */
export function groundDistanceMeters(a: LonLat, b: LonLat): number {
  const [east, north] = localPlane(a).toMeters(b);
  return Math.hypot(east, north);
}
