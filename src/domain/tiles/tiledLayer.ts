/**
 * From this many projects a layer is served as vector tiles instead of whole (GeoJSON and
 * parts). Measured (docs/tiles.md): at 500,000 parcels the whole-layer path already costs the
 * server seconds per version and the page hundreds of MB; tiles cost the same per view at any
 * size. Below it the whole layer stays: instant filters and statistics on the page, offline use.
 */
export const TILED_LAYER_MIN_FEATURES = 300_000;

/** Whether a layer of `featureCount` projects is drawn from vector tiles. */
export function isTiledLayer(featureCount: number, minFeatures = TILED_LAYER_MIN_FEATURES): boolean {
  return featureCount >= minFeatures;
}
