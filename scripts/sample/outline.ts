/** Outlines in grid coordinates: rectangles, notched rectangles, and organic (village-like) edges. */
import { kinks, polygon } from '@turf/turf';
import { add, at, normalize, perpendicular, scale, sub, type Point, type Ring } from './geometry';
import type { GridMap } from './gridMap';
import type { GridRect } from './streetGrid';
import type { Random } from './random';

export type Corner = 'sw' | 'se' | 'ne' | 'nw';

/** Counter-clockwise corners of a grid rectangle. */
export function rectCorners(r: GridRect): Point[] {
  return [
    [r.s0, r.v0],
    [r.s1, r.v0],
    [r.s1, r.v1],
    [r.s0, r.v1],
  ];
}

/** A rectangle with one corner cut away up to the inner point `notch` (an L shape). */
export function notchedCorners(r: GridRect, corner: Corner, notch: Point): Point[] {
  const [ns, nv] = notch;
  switch (corner) {
    case 'sw':
      return [[r.s0, nv], [ns, nv], [ns, r.v0], [r.s1, r.v0], [r.s1, r.v1], [r.s0, r.v1]];
    case 'se':
      return [[r.s0, r.v0], [ns, r.v0], [ns, nv], [r.s1, nv], [r.s1, r.v1], [r.s0, r.v1]];
    case 'ne':
      return [[r.s0, r.v0], [r.s1, r.v0], [r.s1, nv], [ns, nv], [ns, r.v1], [r.s0, r.v1]];
    case 'nw':
      return [[r.s0, r.v0], [r.s1, r.v0], [r.s1, r.v1], [ns, r.v1], [ns, nv], [r.s0, nv]];
  }
}

/** Maps grid-coordinate corners to a metric ring, sampling edges so curved streets stay curved. */
export function cornersToRing(grid: GridMap, corners: readonly Point[], stepMeters = 40): Ring {
  const ring: Ring = [];
  for (let i = 0; i < corners.length; i += 1) {
    ring.push(...grid.path(at(corners, i), at(corners, (i + 1) % corners.length), stepMeters).slice(0, -1));
  }
  return ring;
}

/**
 * An irregular outline inside the given corners: every boundary sample moves inward by a
 * smooth, periodic amount, as the edge of a village's houses wanders along its lanes.
 * Corners are cut, never kept, which also keeps the outline free of spikes.
 */
export function organicRing(grid: GridMap, corners: readonly Point[], random: Random, maxInsetMeters: number, stepMeters = 28): Ring {
  const edges = corners.map((c, i) => ({ from: c, to: at(corners, (i + 1) % corners.length) }));
  const perimeter = edges.reduce((sum, e) => sum + Math.hypot(e.to[0] - e.from[0], e.to[1] - e.from[1]), 0);
  const waves = [2, 3, 5, 8, 13, 21].map((k) => ({ k, phase: random.range(0, 2 * Math.PI), weight: random.range(0.4, 1) / Math.sqrt(k) }));
  const total = waves.reduce((sum, w) => sum + w.weight, 0);
  const insetAt = (t: number): number => {
    const n = waves.reduce((sum, w) => sum + w.weight * Math.sin((2 * Math.PI * w.k * t) / perimeter + w.phase), 0) / total;
    return maxInsetMeters * (0.5 + 0.5 * n);
  };
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const damp = 1 / (1 + attempt);
    const samples: Point[] = [];
    let travelled = 0;
    for (const edge of edges) {
      const direction = sub(edge.to, edge.from);
      const l = Math.hypot(direction[0], direction[1]);
      const inward = perpendicular(normalize(direction));
      const count = Math.max(1, Math.round(l / stepMeters));
      for (let k = 0; k < count; k += 1) {
        const along = ((k + 0.5) / count) * l;
        const base = add(edge.from, scale(direction, along / l));
        samples.push(add(base, scale(inward, 2 + insetAt(travelled + along) * damp)));
      }
      travelled += l;
    }
    const ring = samples.map(([s, v]) => grid.toMetric(s, v));
    const closed = [...ring, at(ring, 0)];
    if (kinks(polygon([closed])).features.length === 0) return ring;
  }
  return cornersToRing(grid, corners);
}
