import type { FeatureCollection } from 'geojson';
import { featureBounds, type Bounds } from '../measure/featureBounds';

/**
 * The box around the areas of a collection whose `name` property is one of `names` (the basemap's
 * sub-districts, say), or null when none of them has a geometry.
 */
export function namedAreasBounds(collection: FeatureCollection, names: readonly string[]): Bounds | null {
  let union: Bounds | null = null;
  for (const feature of collection.features) {
    const name = feature.properties?.name;
    if (typeof name !== 'string' || !names.includes(name)) continue;
    const box = featureBounds(feature.geometry);
    if (!box) continue;
    union = union
      ? [Math.min(union[0], box[0]), Math.min(union[1], box[1]), Math.max(union[2], box[2]), Math.max(union[3], box[3])]
      : box;
  }
  return union;
}
