/**
 * Reference measurements from GeographicLib (Karney), the ellipsoidal ground truth the
 * production code is checked against. Test-only: geographiclib-geodesic is a devDependency.
 */
import geographiclib from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';

const wgs84 = geographiclib.Geodesic.WGS84;

function referenceRingArea(ring: readonly Position[]): number {
  const polygon = wgs84.Polygon(false);
  const last = ring.length - 1;
  const closed = last > 0 && ring[0]?.[0] === ring[last]?.[0] && ring[0]?.[1] === ring[last]?.[1];
  ring.slice(0, closed ? last : ring.length).forEach(([longitude = Number.NaN, latitude = Number.NaN]) => polygon.AddPoint(latitude, longitude));
  return Math.abs(polygon.Compute(false, true).area ?? Number.NaN);
}

function referencePolygonArea(rings: readonly (readonly Position[])[]): number {
  return rings.reduce((total, ring, index) => total + (index === 0 ? 1 : -1) * referenceRingArea(ring), 0);
}

/** Square metres: each exterior minus its holes, summed over polygons. */
export function referenceArea(geometry: Geometry | null): number {
  if (geometry?.type === 'Polygon') return referencePolygonArea(geometry.coordinates);
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates.reduce((total, part) => total + referencePolygonArea(part), 0);
  return 0;
}

function referenceLineLength(line: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const [lon1 = Number.NaN, lat1 = Number.NaN] = line[i - 1] ?? [];
    const [lon2 = Number.NaN, lat2 = Number.NaN] = line[i] ?? [];
    total += referenceDistance(lon1, lat1, lon2, lat2);
  }
  return total;
}

/** Metres along the geodesic between two lon/lat points (GeographicLib Inverse). */
export function referenceDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return wgs84.Inverse(lat1, lon1, lat2, lon2).s12 ?? Number.NaN;
}

/** The point `distanceMeters` from (lon, lat) along `azimuthDegrees` (GeographicLib Direct). */
export function referenceDestination(lon: number, lat: number, azimuthDegrees: number, distanceMeters: number): [number, number] {
  const result = wgs84.Direct(lat, lon, azimuthDegrees, distanceMeters);
  return [result.lon2 ?? Number.NaN, result.lat2 ?? Number.NaN];
}

/** Metres: the sum over the parts of a LineString or MultiLineString. */
export function referenceLength(geometry: Geometry | null): number {
  if (geometry?.type === 'LineString') return referenceLineLength(geometry.coordinates);
  if (geometry?.type === 'MultiLineString') return geometry.coordinates.reduce((total, line) => total + referenceLineLength(line), 0);
  return 0;
}

export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
