/**
 * The curvilinear street grid: maps grid coordinates (s along the shore, v inland) to local
 * metres. Near the lake, grid lines follow the shore; inland they straighten; around hills they
 * bend away, leaving the hill free of streets.
 */
import {
  add,
  at,
  distance,
  normalize,
  perpendicular,
  scale,
  sub,
  type Point,
} from './geometry';
import {
  GRID_ORIGIN_METERS,
  HILLS,
  SHORE_ANGLE_DEGREES,
  SHORE_BLEND_METERS,
  SHORE_BUMPS,
} from './design';
import { smoothNoise, type Random } from './random';

export interface HillOnMap {
  name: string;
  centerMeters: Point;
  /** No grid point falls closer than this to the centre. */
  radiusMeters: number;
  summitElevationMeters: number;
}

function smoothstep(t: number): number {
  const x = Math.max(0, Math.min(1, t));
  return x * x * (3 - 2 * x);
}

export class GridMap {
  readonly along: Point;
  readonly inland: Point;
  readonly hills: HillOnMap[] = [];
  private readonly wiggle: (s: number) => number;

  constructor(random: Random) {
    const angle = (SHORE_ANGLE_DEGREES * Math.PI) / 180;
    this.along = [Math.cos(angle), Math.sin(angle)];
    this.inland = perpendicular(this.along);
    this.wiggle = smoothNoise(random, [2300, 3700, 5200], 70);
    for (const hill of HILLS) {
      this.hills.push({
        name: hill.name,
        centerMeters: this.toMetric(hill.center[0], hill.center[1]),
        radiusMeters: hill.radiusMeters,
        summitElevationMeters: hill.summitElevationMeters,
      });
    }
  }

  /** How far inland of the straight chord the smoothed shore lies at `s`. */
  shoreOffset(s: number): number {
    let h = this.wiggle(s);
    for (const bump of SHORE_BUMPS) {
      h += bump.amplitudeMeters * Math.exp(-((s - bump.s) ** 2) / (2 * bump.sigmaMeters ** 2));
    }
    return h;
  }

  /** The straight (chord) frame: a plain linear map. */
  chordToMetric(s: number, v: number): Point {
    return add(GRID_ORIGIN_METERS, add(scale(this.along, s), scale(this.inland, v)));
  }

  metricToChord(p: Point): Point {
    const d = sub(p, GRID_ORIGIN_METERS);
    return [d[0] * this.along[0] + d[1] * this.along[1], d[0] * this.inland[0] + d[1] * this.inland[1]];
  }

  private shoreFollowing(s: number, v: number): Point {
    const point = this.chordToMetric(s, this.shoreOffset(s));
    const ahead = this.chordToMetric(s + 1, this.shoreOffset(s + 1));
    const behind = this.chordToMetric(s - 1, this.shoreOffset(s - 1));
    const normal = perpendicular(normalize(sub(ahead, behind)));
    return add(point, scale(normal, v));
  }

  /** Grid coordinates to local metres. */
  toMetric(s: number, v: number): Point {
    const w = v <= 0 ? 0 : smoothstep(v / SHORE_BLEND_METERS);
    const curved = this.shoreFollowing(s, v);
    const straight = this.chordToMetric(s, v);
    let p: Point = [curved[0] * (1 - w) + straight[0] * w, curved[1] * (1 - w) + straight[1] * w];
    for (const hill of this.hills) p = pushAway(p, hill);
    return p;
  }

  /** Samples a grid-coordinate path so that curved edges stay smooth on the map. */
  path(from: Point, to: Point, stepMeters = 40): Point[] {
    const steps = Math.max(1, Math.ceil(distance(from, to) / stepMeters));
    const points: Point[] = [];
    for (let i = 0; i <= steps; i += 1) {
      const t = i / steps;
      points.push(this.toMetric(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t));
    }
    return points;
  }

  /**
   * Like `path` for a segment along one grid axis, but sampled at whole multiples of the step, so
   * that two regions sharing an edge share its vertices exactly and tile without slivers.
   */
  alignedPath(from: Point, to: Point, stepMeters: number): Point[] {
    const axis = from[0] === to[0] ? 1 : 0;
    if (from[1 - axis] !== to[1 - axis]) throw new Error('alignedPath needs an axis-parallel segment');
    const a = from[axis];
    const b = to[axis];
    const values = [a];
    const direction = Math.sign(b - a);
    let k = direction > 0 ? Math.floor(a / stepMeters) + 1 : Math.ceil(a / stepMeters) - 1;
    while (direction * (k * stepMeters - b) < 0) {
      values.push(k * stepMeters);
      k += direction;
    }
    values.push(b);
    return values.map((value) => (axis === 0 ? this.toMetric(value, from[1]) : this.toMetric(from[0], value)));
  }

  /** A grid-coordinate rectangle as a counter-clockwise metric ring. */
  rectangle(s0: number, v0: number, s1: number, v1: number, stepMeters = 40): Point[] {
    const corners: Point[] = [
      [s0, v0],
      [s1, v0],
      [s1, v1],
      [s0, v1],
    ];
    const ring: Point[] = [];
    for (let i = 0; i < 4; i += 1) {
      ring.push(...this.path(at(corners, i), at(corners, (i + 1) % 4), stepMeters).slice(0, -1));
    }
    return ring;
  }

  /** Distance from the nearest hill's street-free disc; negative inside it. */
  clearanceFromHills(p: Point): number {
    let best = Infinity;
    for (const hill of this.hills) best = Math.min(best, distance(p, hill.centerMeters) - hill.radiusMeters);
    return best;
  }
}

/**
 * r -> sqrt(r² + R²) about the hill centre: a one-to-one map that empties a disc of radius R and
 * bends straight lines smoothly around it, fading with distance as R²/2r.
 */
function pushAway(p: Point, hill: HillOnMap): Point {
  const d = sub(p, hill.centerMeters);
  const r = Math.hypot(d[0], d[1]);
  if (r === 0) return add(hill.centerMeters, [hill.radiusMeters, 0]);
  return add(hill.centerMeters, scale(d, Math.sqrt(r * r + hill.radiusMeters ** 2) / r));
}
