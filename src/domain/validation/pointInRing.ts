import type { Position } from 'geojson';
import { orientation } from './intersectSegments';

export type RingSide = 'inside' | 'outside' | 'boundary';

/** Where a point lies relative to a closed ring, by crossing number (even-odd), with the boundary exact. */
export function pointInRing(x: number, y: number, ring: readonly Position[]): RingSide {
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [xi = 0, yi = 0] = ring[index] ?? [];
    const [xj = 0, yj = 0] = ring[previous] ?? [];
    if (
      orientation(xj, yj, xi, yi, x, y) === 0 &&
      x >= Math.min(xi, xj) && x <= Math.max(xi, xj) &&
      y >= Math.min(yi, yj) && y <= Math.max(yi, yj)
    )
      return 'boundary';
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** The side of the first vertex of `ring` that is not on `other`'s boundary; 'boundary' if all are. */
export function ringSideOf(ring: readonly Position[], other: readonly Position[]): RingSide {
  for (const position of ring) {
    const side = pointInRing(position[0] ?? 0, position[1] ?? 0, other);
    if (side !== 'boundary') return side;
  }
  return 'boundary';
}
