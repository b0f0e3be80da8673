import type { Position } from 'geojson';
import type { Bounds } from '../measure/featureBounds';

/** Whether segments p1–p2 and q1–q2 meet; touching and overlapping count, so a doubtful case gets the exact overlay. */
function segmentsMeet(p1x: number, p1y: number, p2x: number, p2y: number, q1x: number, q1y: number, q2x: number, q2y: number): boolean {
  const d1 = (q2x - q1x) * (p1y - q1y) - (q2y - q1y) * (p1x - q1x);
  const d2 = (q2x - q1x) * (p2y - q1y) - (q2y - q1y) * (p2x - q1x);
  const d3 = (p2x - p1x) * (q1y - p1y) - (p2y - p1y) * (q1x - p1x);
  const d4 = (p2x - p1x) * (q2y - p1y) - (p2y - p1y) * (q2x - p1x);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return false;
  // Collinear or touching: meet when their boxes overlap.
  return Math.min(p1x, p2x) <= Math.max(q1x, q2x) && Math.min(q1x, q2x) <= Math.max(p1x, p2x)
    && Math.min(p1y, p2y) <= Math.max(q1y, q2y) && Math.min(q1y, q2y) <= Math.max(p1y, p2y);
}

/** Whether any of the boundary edges meets a segment of the lines (rings or a polyline). */
export function edgesMeetLines(edges: Float64Array, lines: readonly Position[][]): boolean {
  for (const line of lines)
    for (let j = 0; j + 1 < line.length; j++) {
      const a = line[j];
      const b = line[j + 1];
      if (!a || !b) continue;
      const [ax = NaN, ay = NaN] = a;
      const [bx = NaN, by = NaN] = b;
      for (let i = 0; i < edges.length; i += 4)
        if (segmentsMeet(ax, ay, bx, by, edges[i] ?? NaN, edges[i + 1] ?? NaN, edges[i + 2] ?? NaN, edges[i + 3] ?? NaN)) return true;
    }
  return false;
}

export function boxesOverlap(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
