import type { DistrictExtent } from './districtExtent';

/*
 * Where a change stops looking like plan data and starts looking like a mistake: a district
 * boundary imported as a park, coordinates in the wrong CRS, a file for another layer. Each limit
 * only asks for a confirmation naming the figure; none of them forbids a save. README
 * ("Figures that need a confirmation") states the same numbers.
 */

/** A feature is mostly outside when more than this share of its area (polygons) or length (lines) lies outside the district boundary. */
export const MOSTLY_OUTSIDE_SHARE = 0.5;

/**
 * A save or import changes a layer's total by too much when the change is more than this share
 * of the total before (half the layer appearing or vanishing at once)…
 */
export const LAYER_TOTAL_JUMP_SHARE = 0.5;

/**
 * …and also more than this share of the district's area, for polygon layers. The floor keeps a
 * small layer's normal growth quiet: the sample's layers hold 1.6–4.5 % of the district each, so
 * 1 % (about 102 ha here) is a sizeable block of new plan, while a boundary-sized import is 100×
 * more. An empty layer has no share to compare with, so the floor alone decides there.
 */
export const POLYGON_LAYER_JUMP_FLOOR_DISTRICT_SHARE = 0.01;

/**
 * …or more than the width of the district for line layers: the side of a square as large as the
 * district (about 10 km here; the sample's roads total 30 km).
 */
export function layerJumpFloor(kind: 'area' | 'length', district: DistrictExtent): number {
  return kind === 'area' ? district.areaSquareMeters * POLYGON_LAYER_JUMP_FLOOR_DISTRICT_SHARE : Math.sqrt(district.areaSquareMeters);
}

/**
 * A polygon larger than the district cannot be one of its projects. A line longer than the
 * district's whole boundary cannot be one of its roads either.
 */
export function districtSizeLimit(kind: 'area' | 'length', district: DistrictExtent): number {
  return kind === 'area' ? district.areaSquareMeters : district.perimeterMeters;
}
