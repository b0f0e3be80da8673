/*
 * GCJ-02 ("Mars coordinates", Amap/Tencent/DataV) and BD-09 (Baidu) to WGS 84.
 *
 * The forward WGS 84 -> GCJ-02 offset is the widely published reconstruction of the official
 * algorithm (Krasovsky 1940 ellipsoid, a = 6378245 m, e² = 0.00669342162296594323), as in
 * googollee/eviltransform and wandergis/coordtransform; GCJ-02 <-> BD-09 is Baidu's published
 * rotation and shift (x_pi = π·3000/180, offsets 0.0065°, 0.006°). There is no closed-form
 * inverse, so each inverse is found by fixed-point iteration on its forward formula (the
 * "exact" variant of eviltransform): the offset varies slowly (its gradient is about 1e-5), so
 * each step gains about five digits and a few steps reach 1e-10° (≈ 0.01 mm).
 * Outside China the official offset is not applied, so neither is its inverse.
 */

const KRASOVSKY_A = 6378245.0;
// eslint-disable-next-line no-loss-of-precision -- the published value, digit for digit; every implementation rounds it to this same double
const KRASOVSKY_E2 = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;

function isOutsideChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLatitude(x: number, y: number): number {
  let offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  offset += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  offset += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  offset += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return offset;
}

function offsetLongitude(x: number, y: number): number {
  let offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  offset += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  offset += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  offset += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return offset;
}

/** The published forward transform WGS 84 -> GCJ-02. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLatitude(lon - 105.0, lat - 35.0) * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (offsetLongitude(lon - 105.0, lat - 35.0) * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Baidu's published GCJ-02 -> BD-09. */
export function gcj02ToBd09(lon: number, lat: number): [number, number] {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

const MAX_ITERATIONS = 30;
const TOLERANCE_DEGREES = 1e-10;

/** Solves forward(p) = target for p by p ← p + (target − forward(p)). */
function invert(forward: (lon: number, lat: number) => [number, number], lon: number, lat: number): [number, number] {
  let guessLon = lon;
  let guessLat = lat;
  for (let step = 0; step < MAX_ITERATIONS; step++) {
    const [forwardLon, forwardLat] = forward(guessLon, guessLat);
    const errorLon = lon - forwardLon;
    const errorLat = lat - forwardLat;
    guessLon += errorLon;
    guessLat += errorLat;
    if (Math.abs(errorLon) < TOLERANCE_DEGREES && Math.abs(errorLat) < TOLERANCE_DEGREES) break;
  }
  return [guessLon, guessLat];
}

export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  return invert(wgs84ToGcj02, lon, lat);
}

export function bd09ToWgs84(lon: number, lat: number): [number, number] {
  const [gcjLon, gcjLat] = invert(gcj02ToBd09, lon, lat);
  return gcj02ToWgs84(gcjLon, gcjLat);
}
