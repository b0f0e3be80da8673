/** Planar geometry in local metres (x east, y north). Rings are open: the last point is not repeated. */
export type Point = [number, number];
export type Ring = Point[];
/** Exterior ring first, then holes. */
export type Poly = Ring[];

export function add(a: Point, b: Point): Point {
  return [a[0] + b[0], a[1] + b[1]];
}

export function sub(a: Point, b: Point): Point {
  return [a[0] - b[0], a[1] - b[1]];
}

export function scale(a: Point, factor: number): Point {
  return [a[0] * factor, a[1] * factor];
}

export function length(a: Point): number {
  return Math.hypot(a[0], a[1]);
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function normalize(a: Point): Point {
  const l = length(a);
  return l === 0 ? [0, 0] : [a[0] / l, a[1] / l];
}

/** Rotated a quarter turn counter-clockwise. */
export function perpendicular(a: Point): Point {
  return [-a[1], a[0]];
}

export function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function at<T>(items: readonly T[], index: number): T {
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined) throw new Error(`index ${index} out of range ${items.length}`);
  return item;
}

/** Shoelace formula; positive for counter-clockwise rings. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = at(ring, i);
    const b = at(ring, (i + 1) % ring.length);
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

export function polyArea(poly: Poly): number {
  return poly.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring)), 0);
}

export function ringCentroid(ring: Ring): Point {
  let cx = 0;
  let cy = 0;
  let area = 0;
  const origin = at(ring, 0);
  for (let i = 0; i < ring.length; i += 1) {
    const a = sub(at(ring, i), origin);
    const b = sub(at(ring, (i + 1) % ring.length), origin);
    const cross = a[0] * b[1] - b[0] * a[1];
    area += cross;
    cx += (a[0] + b[0]) * cross;
    cy += (a[1] + b[1]) * cross;
  }
  return [origin[0] + cx / (3 * area), origin[1] + cy / (3 * area)];
}

export function pointInRing(p: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = at(ring, i);
    const b = at(ring, j);
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

export function pointInPoly(p: Point, poly: Poly): boolean {
  return poly.every((ring, i) => (i === 0 ? pointInRing(p, ring) : !pointInRing(p, ring)));
}

/** Polygon orientation required by RFC 7946: exterior counter-clockwise, holes clockwise. */
export function orientPoly(poly: Poly): Poly {
  return poly.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const ab = sub(b, a);
  const l2 = ab[0] * ab[0] + ab[1] * ab[1];
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2));
  return distance(p, lerp(a, b, t));
}

export function distanceToPolyline(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i += 1) best = Math.min(best, distanceToSegment(p, at(line, i - 1), at(line, i)));
  return best;
}

export function polylineLength(line: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i += 1) sum += distance(at(line, i - 1), at(line, i));
  return sum;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boxOf(points: readonly Point[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.minX - margin <= b.maxX && b.minX - margin <= a.maxX && a.minY - margin <= b.maxY && b.minY - margin <= a.maxY;
}

/**
 * Isoperimetric quotient 4πA/P²: 1 for a disc, about 0.785 for a square; low values flag the
 * slivers that clipping leaves behind.
 */
export function compactness(ring: Ring): number {
  const perimeter = polylineLength([...ring, at(ring, 0)]);
  return (4 * Math.PI * Math.abs(signedArea(ring))) / (perimeter * perimeter);
}
