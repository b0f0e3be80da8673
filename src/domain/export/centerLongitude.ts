import type { Geometry } from 'geojson';
import { featureBounds } from '../measure/featureBounds';

/** The longitude midway between the westernmost and easternmost positions, or undefined when there are none. */
export function centerLongitude(geometries: Iterable<Geometry | null>): number | undefined {
  let west = Infinity;
  let east = -Infinity;
  for (const geometry of geometries) {
    const bounds = featureBounds(geometry);
    if (!bounds) continue;
    west = Math.min(west, bounds[0]);
    east = Math.max(east, bounds[2]);
  }
  return west <= east ? (west + east) / 2 : undefined;
}
