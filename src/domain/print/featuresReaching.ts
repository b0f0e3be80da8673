import type { Bounds } from '../measure/featureBounds';
import type { GeometryColumns } from '../columns/geometryColumns';

/**
 * A flag per feature (1: yes) for those with a part whose box reaches into `bounds` (lon/lat
 * degrees): what a map of that extent can show of a layer, from its flattened geometry.
 */
export function featuresReaching(geometry: GeometryColumns, featureCount: number, bounds: Bounds): Uint8Array {
  const reaching = new Uint8Array(featureCount);
  const { positions, partStart, partFeature, origin } = geometry;
  const [west, south, east, north] = [bounds[0] - origin[0], bounds[1] - origin[1], bounds[2] - origin[0], bounds[3] - origin[1]];
  for (let part = 0; part < geometry.partCount; part++) {
    const feature = partFeature[part] ?? 0;
    if (reaching[feature] === 1) continue;
    let partWest = Infinity;
    let partSouth = Infinity;
    let partEast = -Infinity;
    let partNorth = -Infinity;
    for (let vertex = partStart[part] ?? 0; vertex < (partStart[part + 1] ?? 0); vertex++) {
      const x = positions[2 * vertex] ?? Number.NaN;
      const y = positions[2 * vertex + 1] ?? Number.NaN;
      partWest = Math.min(partWest, x);
      partEast = Math.max(partEast, x);
      partSouth = Math.min(partSouth, y);
      partNorth = Math.max(partNorth, y);
    }
    if (partWest <= east && partEast >= west && partSouth <= north && partNorth >= south) reaching[feature] = 1;
  }
  return reaching;
}
