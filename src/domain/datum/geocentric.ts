/*
 * Geodetic longitude/latitude/height to earth-centred X, Y, Z and back, on an ellipsoid of
 * semi-major axis `a` and semi-minor axis `b` (EPSG Guidance Note 7-2, method 9602). The inverse
 * iterates the latitude until it moves less than 1e-12 rad (about 6 µm).
 */

export interface Ellipsoid {
  a: number;
  b: number;
}

/** GRS 80, the ellipsoid of CGCS2000 (a = 6 378 137 m, 1/f = 298.257222101). */
export const GRS80: Ellipsoid = { a: 6378137, b: 6378137 * (1 - 1 / 298.257222101) };

const RADIANS = Math.PI / 180;

export function geodeticToGeocentric(ellipsoid: Ellipsoid, lonDegrees: number, latDegrees: number, heightMeters = 0): [number, number, number] {
  const { a, b } = ellipsoid;
  const e2 = 1 - (b * b) / (a * a);
  const lon = lonDegrees * RADIANS;
  const lat = latDegrees * RADIANS;
  const sinLat = Math.sin(lat);
  const primeVerticalMeters = a / Math.sqrt(1 - e2 * sinLat * sinLat);
  return [
    (primeVerticalMeters + heightMeters) * Math.cos(lat) * Math.cos(lon),
    (primeVerticalMeters + heightMeters) * Math.cos(lat) * Math.sin(lon),
    (primeVerticalMeters * (1 - e2) + heightMeters) * sinLat,
  ];
}

/** [longitude°, latitude°, ellipsoidal height m]. */
export function geocentricToGeodetic(ellipsoid: Ellipsoid, x: number, y: number, z: number): [number, number, number] {
  const { a, b } = ellipsoid;
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  let lat = Math.atan2(z, p * (1 - e2));
  let heightMeters = 0;
  for (let iteration = 0; iteration < 20; iteration++) {
    const sinLat = Math.sin(lat);
    const primeVerticalMeters = a / Math.sqrt(1 - e2 * sinLat * sinLat);
    heightMeters = p / Math.cos(lat) - primeVerticalMeters;
    const next = Math.atan2(z, p * (1 - (e2 * primeVerticalMeters) / (primeVerticalMeters + heightMeters)));
    const moved = Math.abs(next - lat);
    lat = next;
    if (moved < 1e-12) break;
  }
  return [lon / RADIANS, lat / RADIANS, heightMeters];
}
