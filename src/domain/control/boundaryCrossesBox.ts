import type { Bounds } from '../measure/featureBounds';

/**
 * Whether any edge of a polygon's boundary (x1, y1, x2, y2 in `edges`) touches a box. When none
 * does, everything in the box lies on one side of the boundary, so one point-in-polygon test
 * answers for a whole project: most projects are far from every control line, and this keeps
 * the exact overlay for the few the boundary passes through.
 */
export function boundaryCrossesBox(edges: Float64Array, [west, south, east, north]: Bounds): boolean {
  for (let i = 0; i < edges.length; i += 4) {
    const x1 = edges[i] ?? NaN;
    const y1 = edges[i + 1] ?? NaN;
    const x2 = edges[i + 2] ?? NaN;
    const y2 = edges[i + 3] ?? NaN;
    if (Math.max(x1, x2) < west || Math.min(x1, x2) > east || Math.max(y1, y2) < south || Math.min(y1, y2) > north) continue;
    if (x1 >= west && x1 <= east && y1 >= south && y1 <= north) return true;
    // The segment's line passes through the box when the box's corners are not all on one side of it.
    const side = (x: number, y: number): number => (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
    const a = side(west, south);
    const b = side(east, south);
    const c = side(east, north);
    const d = side(west, north);
    if (!((a > 0 && b > 0 && c > 0 && d > 0) || (a < 0 && b < 0 && c < 0 && d < 0))) return true;
  }
  return false;
}

export function boxesOverlap(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
