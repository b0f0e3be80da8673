/*
 * How two straight segments meet, in the plane of their coordinates (lon/lat here; validity is
 * a planar notion in JTS too). Orientation tests decide; the crossing point is computed only
 * for the report. Zero-length segments must be removed beforehand (repeated points).
 */

export type SegmentMeeting =
  /** Interiors cross at one point. */
  | { kind: 'cross'; x: number; y: number }
  /** They share one point, an end of at least one of them. */
  | { kind: 'touch'; x: number; y: number }
  /** Collinear with a common stretch of positive length, which starts at (x, y). */
  | { kind: 'overlap'; x: number; y: number };

/** Twice the signed area of triangle pqr: > 0 when r is left of p→q. */
export function orientation(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return (qx - px) * (ry - py) - (qy - py) * (rx - px);
}

function within(value: number, a: number, b: number): boolean {
  return a <= b ? value >= a && value <= b : value >= b && value <= a;
}

export function intersectSegments(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
): SegmentMeeting | undefined {
  const d1 = orientation(bx1, by1, bx2, by2, ax1, ay1);
  const d2 = orientation(bx1, by1, bx2, by2, ax2, ay2);
  if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) return undefined;
  const d3 = orientation(ax1, ay1, ax2, ay2, bx1, by1);
  const d4 = orientation(ax1, ay1, ax2, ay2, bx2, by2);
  if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) return undefined;

  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) return collinearMeeting(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const t = d1 / (d1 - d2);
    return { kind: 'cross', x: ax1 + t * (ax2 - ax1), y: ay1 + t * (ay2 - ay1) };
  }
  if (d1 === 0 && within(ax1, bx1, bx2) && within(ay1, by1, by2)) return { kind: 'touch', x: ax1, y: ay1 };
  if (d2 === 0 && within(ax2, bx1, bx2) && within(ay2, by1, by2)) return { kind: 'touch', x: ax2, y: ay2 };
  if (d3 === 0 && within(bx1, ax1, ax2) && within(by1, ay1, ay2)) return { kind: 'touch', x: bx1, y: by1 };
  if (d4 === 0 && within(bx2, ax1, ax2) && within(by2, ay1, ay2)) return { kind: 'touch', x: bx2, y: by2 };
  return undefined;
}

function collinearMeeting(
  ax1: number, ay1: number, ax2: number, ay2: number,
  bx1: number, by1: number, bx2: number, by2: number,
): SegmentMeeting | undefined {
  // Compare along the axis on which segment a is longer; collinearity makes the other follow.
  const alongX = Math.abs(ax2 - ax1) >= Math.abs(ay2 - ay1);
  const a1 = alongX ? ax1 : ay1;
  const a2 = alongX ? ax2 : ay2;
  const b1 = alongX ? bx1 : by1;
  const b2 = alongX ? bx2 : by2;
  const low = Math.max(Math.min(a1, a2), Math.min(b1, b2));
  const high = Math.min(Math.max(a1, a2), Math.max(b1, b2));
  if (low > high) return undefined;
  const points: [number, number, number][] = [
    [a1, ax1, ay1],
    [a2, ax2, ay2],
    [b1, bx1, by1],
    [b2, bx2, by2],
  ];
  const start = points.find(([along]) => along === low) ?? points[0];
  const x = start?.[1] ?? ax1;
  const y = start?.[2] ?? ay1;
  return { kind: low === high ? 'touch' : 'overlap', x, y };
}
