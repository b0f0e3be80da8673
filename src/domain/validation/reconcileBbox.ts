import type { BBox, Geometry } from 'geojson';
import type { ValidationIssue } from './validationReport';
import { featureIssue, type FeatureLabel } from './featureIssue';
import { forEachPosition } from './forEachPosition';

/** Differences below this (degrees, about 1 cm) are rounding, not disagreement. */
const TOLERANCE_DEGREES = 1e-7;

/** [west, south, east, north] of the positions of some geometries, or undefined when there are none. */
export function geometriesBbox(geometries: readonly (Geometry | null)[]): BBox | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    if (!geometry) continue;
    forEachPosition(geometry, ([x = 0, y = 0]) => {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    });
  }
  return west <= east ? [west, south, east, north] : undefined;
}

/**
 * A copy of `object` whose `bbox`, if it has one, is recomputed from its geometry (RFC 7946 §5);
 * a bbox that disagreed with the data is reported unless the data were just reprojected
 * (docs/input-rules.md, B11).
 */
export function reconcileBbox(
  object: Record<string, unknown>,
  computed: BBox | undefined,
  path: string,
  label: FeatureLabel | undefined,
  reprojected: boolean,
  warnings: ValidationIssue[],
): Record<string, unknown> {
  const given = object.bbox;
  if (!Array.isArray(given)) return object;
  const { bbox: _dropped, ...rest } = object;
  if (!computed) return rest;
  // A malformed bbox is a problem of its own (INVALID_BBOX); it is replaced without a second report.
  const wellFormed = (given.length === 4 || given.length === 6) && given.every((value) => typeof value === 'number');
  if (!wellFormed) return { ...rest, bbox: computed };
  const twoD = given.length === 6 ? [given[0], given[1], given[3], given[4]] : given;
  const differs = computed.some((value, index) => {
    const stated = twoD[index];
    return typeof stated !== 'number' || Math.abs(stated - value) > TOLERANCE_DEGREES;
  });
  if (differs && !reprojected)
    warnings.push(featureIssue(label, 'BBOX_MISMATCH', path, `文件记录的范围（bbox）与坐标不符，已按坐标重新计算为 [${computed.join(', ')}]`, `the extent the file records (bbox) disagrees with the coordinates; it was recomputed as [${computed.join(', ')}]`));
  return { ...rest, bbox: computed };
}
