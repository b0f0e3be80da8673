import type { Position } from 'geojson';
import type { ValidationIssue } from './validationReport';
import type { FeatureRecord } from './checkGeoJsonStructure';
import { featureIssue } from './featureIssue';
import { forEachPosition } from './forEachPosition';

/**
 * Lon/lat sanity of one feature after any reprojection (docs/input-rules.md, C4, C6 and C8): longitudes
 * within ±180 and latitudes within ±90 (RFC 7946 §4), no edge jumping across the antimeridian
 * (RFC 7946 §3.1.9 asks for a split there), and warnings for a position at 0,0 and for positions
 * outside the district. Returns false when the feature has a problem.
 */
export function checkLonLatRanges(
  record: FeatureRecord,
  districtBounds: readonly [number, number, number, number] | undefined,
  problems: ValidationIssue[],
  warnings: ValidationIssue[],
): boolean {
  const geometry = record.geometry;
  if (!geometry) return true;
  const at = (suffix: () => string): string => `${record.geometryPointer}${suffix()}`;
  let problem: ValidationIssue | undefined;
  let nullIsland: ValidationIssue | undefined;
  let outside: { path: string; position: Position } | undefined;
  let previous: Position | undefined;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  forEachPosition(geometry, (position, suffix, index) => {
    const [lon = 0, lat = 0] = position;
    if (lon < -180 || lon > 180) {
      problem = featureIssue(record.label, 'LONGITUDE_OUT_OF_RANGE', at(suffix), `经度 ${lon} 超出 ±180°`, `longitude ${lon} is beyond ±180°`, [lon, lat]);
      return true;
    }
    if (lat < -90 || lat > 90) {
      problem = featureIssue(record.label, 'LATITUDE_OUT_OF_RANGE', at(suffix), `纬度 ${lat} 超出 ±90°`, `latitude ${lat} is beyond ±90°`, [lon, lat]);
      return true;
    }
    if (index > 0 && previous && Math.abs(lon - (previous[0] ?? 0)) > 180) {
      problem = featureIssue(record.label, 'ANTIMERIDIAN_CROSSING', at(suffix), `边从经度 ${previous[0]} 跨越 180° 经线到 ${lon}；请在 180° 处拆分`, `an edge jumps across the 180° meridian from longitude ${previous[0]} to ${lon}; split it at 180°`, [lon, lat]);
      return true;
    }
    previous = position;
    if (lon === 0 && lat === 0 && !nullIsland)
      nullIsland = featureIssue(record.label, 'NULL_ISLAND', at(suffix), '有坐标位于 [0, 0]（“空岛”），多半是缺失的坐标', 'a position is at [0, 0] ("Null Island"), most likely a missing coordinate', [0, 0]);
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (districtBounds && !outside && (lon < districtBounds[0] || lat < districtBounds[1] || lon > districtBounds[2] || lat > districtBounds[3]))
      outside = { path: at(suffix), position };
    return false;
  });
  if (problem) {
    problems.push(problem);
    return false;
  }
  if (nullIsland) warnings.push(nullIsland);
  if (outside && districtBounds) {
    const [lon = 0, lat = 0] = outside.position;
    const [dWest, dSouth, dEast, dNorth] = districtBounds;
    const swappedInside = south >= dWest && north <= dEast && west >= dSouth && east <= dNorth;
    const hint = swappedInside ? { zh: '；交换经纬度后正好落在区内，经纬度是否颠倒了？', en: '; swapped, they would fall inside it: are latitude and longitude swapped?' } : { zh: '', en: '' };
    warnings.push(featureIssue(record.label, 'OUTSIDE_DISTRICT', outside.path, `坐标 [${lon}, ${lat}] 在本区范围 [${districtBounds.join(', ')}] 之外${hint.zh}`, `position [${lon}, ${lat}] is outside the district's bounds [${districtBounds.join(', ')}]${hint.en}`, [lon, lat]));
  }
  return true;
}
