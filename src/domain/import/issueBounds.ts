import type { Bounds } from '../measure/featureBounds';

const isLongitude = (value: number): boolean => Number.isFinite(value) && value >= -180 && value <= 180;
const isLatitude = (value: number): boolean => Number.isFinite(value) && value >= -90 && value <= 90;

function inside([lon, lat]: readonly [number, number], bounds: Bounds): boolean {
  return lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
}

/**
 * Where the map can show a problem's place, or undefined. A map cannot fly to a latitude beyond
 * ±90° (MapLibre throws), so a location is used as it is only when it is a real lon/lat; one
 * whose axes are swapped is shown where it was meant to be (swapped back), but only when that
 * lands in the district, since only then is "swapped" what the problem means.
 */
export function viewablePoint(location: readonly [number, number], districtBounds: Bounds): [number, number] | undefined {
  const [lon, lat] = location;
  if (isLongitude(lon) && isLatitude(lat)) return [lon, lat];
  const swapped: [number, number] = [lat, lon];
  return isLongitude(lat) && isLatitude(lon) && inside(swapped, districtBounds) ? swapped : undefined;
}

/** True when every corner of `bounds` is a real lon/lat, so the map can fit it. */
export function isLonLatBounds(bounds: Bounds): boolean {
  return isLongitude(bounds[0]) && isLongitude(bounds[2]) && isLatitude(bounds[1]) && isLatitude(bounds[3]) && bounds[0] <= bounds[2] && bounds[1] <= bounds[3];
}

/**
 * The box to show for a problem of an import: around its location (`paddingDegrees` each way),
 * else the box of its feature; null when neither is a place on the map.
 */
export function issueBounds(
  location: readonly [number, number] | undefined,
  featureBox: Bounds | null,
  districtBounds: Bounds,
  paddingDegrees: number,
): Bounds | null {
  const point = location ? viewablePoint(location, districtBounds) : undefined;
  if (point) {
    const [lon, lat] = point;
    return [Math.max(-180, lon - paddingDegrees), Math.max(-90, lat - paddingDegrees), Math.min(180, lon + paddingDegrees), Math.min(90, lat + paddingDegrees)];
  }
  return featureBox && isLonLatBounds(featureBox) ? featureBox : null;
}
