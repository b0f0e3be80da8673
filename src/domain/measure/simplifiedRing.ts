/**
 * Ramer–Douglas–Peucker on one closed ring of planar points (x0, y0, x1, y1, …; the last point
 * repeats the first): the indexes (into the ring) of the points to keep, in order, closing point
 * included. Without `keepArea`, a ring that shrinks below `toleranceUnits` everywhere gives null
 * (a hole too small to see); with it, such a ring keeps a triangle (first point, the point
 * farthest from it, the point farthest from that chord), so a tiny parcel is still drawn.
 *
 * Douglas, D. H. & Peucker, T. K. (1973), Cartographica 10(2): 112–122. A closed ring is split at
 * its first point and the point farthest from it, the usual way to seed the recursion.
 */
export function simplifiedRing(planar: ArrayLike<number>, toleranceUnits: number, keepArea: boolean): number[] | null {
  const pointCount = planar.length / 2;
  if (pointCount < 4) return keepArea ? Array.from({ length: pointCount }, (_, index) => index) : null;
  const last = pointCount - 1;
  const far = farthestFrom(planar, 0, 1, last);
  const keep = new Uint8Array(pointCount);
  keep[0] = 1;
  keep[far] = 1;
  keep[last] = 1;
  const tolerance2 = toleranceUnits * toleranceUnits;
  const stack: number[] = [0, far, far, last];
  while (stack.length > 0) {
    const end = stack.pop() as number;
    const start = stack.pop() as number;
    let worst = -1;
    let worstDistance2 = tolerance2;
    for (let index = start + 1; index < end; index++) {
      const distance2 = segmentDistance2(planar, index, start, end);
      if (distance2 > worstDistance2) {
        worst = index;
        worstDistance2 = distance2;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push(start, worst, worst, end);
    }
  }
  const kept: number[] = [];
  keep.forEach((flag, index) => { if (flag) kept.push(index); });
  if (kept.length >= 4) return kept;
  if (!keepArea) return null;
  // A parcel smaller than the tolerance would vanish as a two-point ring: it keeps a triangle.
  let third = -1;
  let thirdDistance2 = 0;
  for (let index = 1; index < last; index++) {
    if (index === far) continue;
    const distance2 = segmentDistance2(planar, index, 0, far);
    if (distance2 > thirdDistance2) {
      third = index;
      thirdDistance2 = distance2;
    }
  }
  if (third < 0) return kept;
  return third < far ? [0, third, far, last] : [0, far, third, last];
}

function farthestFrom(planar: ArrayLike<number>, from: number, first: number, end: number): number {
  let farthest = first;
  let farthestDistance2 = -1;
  const x = planar[2 * from] ?? 0;
  const y = planar[2 * from + 1] ?? 0;
  for (let index = first; index < end; index++) {
    const dx = (planar[2 * index] ?? 0) - x;
    const dy = (planar[2 * index + 1] ?? 0) - y;
    const distance2 = dx * dx + dy * dy;
    if (distance2 > farthestDistance2) {
      farthest = index;
      farthestDistance2 = distance2;
    }
  }
  return farthest;
}

/** Squared distance from point `index` to the segment from point `start` to point `end`. */
function segmentDistance2(planar: ArrayLike<number>, index: number, start: number, end: number): number {
  const ax = planar[2 * start] ?? 0;
  const ay = planar[2 * start + 1] ?? 0;
  const dx = (planar[2 * end] ?? 0) - ax;
  const dy = (planar[2 * end + 1] ?? 0) - ay;
  const px = (planar[2 * index] ?? 0) - ax;
  const py = (planar[2 * index + 1] ?? 0) - ay;
  const length2 = dx * dx + dy * dy;
  const along = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
  const ex = px - along * dx;
  const ey = py - along * dy;
  return ex * ex + ey * ey;
}
