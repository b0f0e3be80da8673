/**
 * Most projects one tile holds, so a low-zoom tile of a million parcels stays bounded: 8,000
 * parcels make a tile of about 450 KB and 0.4 s of PostGIS here (docs/tiles.md).
 */
export const TILE_FEATURE_BUDGET = 8_000;

/** How many projects a layer has and the [west, south, east, north] box they fill. */
export interface FeatureSpread {
  featureCount: number;
  bounds: readonly [number, number, number, number] | null;
}

/**
 * Tiles aim at this share of the feature budget on average, leaving the rest for places denser
 * than the layer's mean (the budget's LIMIT is the hard cap).
 */
const AVERAGE_SHARE_OF_BUDGET = 0.5;
/** A layer narrower than this (a single point) is taken as this wide, in degrees. */
const MIN_SPAN_DEGREES = 1e-6;

/**
 * One project in `stride` goes into a tile at zoom `z`: 1 where a tile of the layer's mean density
 * fits half the budget, more at zooms out, where a tile would cover too many projects to draw
 * anyway (a parcel of 15 m is a tenth of a pixel at z10). The estimate treats the layer as spread
 * evenly over its box; a tile's real cost is still capped by the budget.
 */
export function tileStride(spread: FeatureSpread, z: number, featureBudget: number): number {
  const { featureCount, bounds } = spread;
  if (!bounds || featureCount <= 0) return 1;
  const [west, south, east, north] = bounds;
  const tileWidthDegrees = 360 / 2 ** z;
  // A Mercator tile near latitude φ spans about cos φ times as many degrees of latitude as of longitude.
  const tileHeightDegrees = tileWidthDegrees * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const widthShare = Math.min(1, tileWidthDegrees / Math.max(east - west, MIN_SPAN_DEGREES));
  const heightShare = Math.min(1, tileHeightDegrees / Math.max(north - south, MIN_SPAN_DEGREES));
  const expected = featureCount * widthShare * heightShare;
  return Math.max(1, Math.ceil(expected / (featureBudget * AVERAGE_SHARE_OF_BUDGET)));
}
