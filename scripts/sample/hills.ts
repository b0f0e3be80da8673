/** Hills: an irregular wooded outline in the street-free disc, and contour lines inside it. */
import { LAKE_LEVEL_METERS } from './design';
import { add, type Point, type Ring } from './geometry';
import type { GridMap, HillOnMap } from './gridMap';
import { Random } from './random';

export interface Contour {
  elevationMeters: number;
  ring: Ring;
}

export interface Hill {
  name: string;
  outline: Ring;
  contours: Contour[];
  summit: Point;
  summitElevationMeters: number;
}

const CONTOUR_INTERVAL_METERS = 20;
const SAMPLES = 96;

function buildHill(hill: HillOnMap, random: Random): Hill {
  const waves = [2, 3, 5, 7].map((k) => ({ k, phase: random.range(0, 2 * Math.PI), amplitude: random.range(0.03, 0.07) }));
  // Hills here are ridges more than domes: an elongated base shape with lobes for spurs.
  const ridge = random.range(0, Math.PI);
  const shape = (theta: number): number => {
    const elongation = 1 / Math.hypot(Math.cos(theta - ridge) / 1.12, Math.sin(theta - ridge) / 0.86);
    return elongation * (1 + waves.reduce((sum, w) => sum + w.amplitude * Math.sin(w.k * theta + w.phase), 0));
  };
  // The summit sits off-centre, so slopes are steeper on one side, as on real hills.
  const lean: Point = [random.range(-0.12, 0.12) * hill.radiusMeters, random.range(-0.12, 0.12) * hill.radiusMeters];
  const footRadius = hill.radiusMeters * 1.02;
  const ringAt = (fraction: number): Ring => {
    const ring: Ring = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const theta = (2 * Math.PI * i) / SAMPLES;
      const r = footRadius * fraction * shape(theta);
      const offset: Point = [lean[0] * (1 - fraction), lean[1] * (1 - fraction)];
      ring.push(add(hill.centerMeters, add(offset, [r * Math.cos(theta), r * Math.sin(theta)])));
    }
    return ring;
  };
  const footElevation = LAKE_LEVEL_METERS + 40;
  const relief = hill.summitElevationMeters - footElevation;
  const contours: Contour[] = [];
  const first = Math.ceil(footElevation / CONTOUR_INTERVAL_METERS) * CONTOUR_INTERVAL_METERS;
  for (let e = first; e < hill.summitElevationMeters; e += CONTOUR_INTERVAL_METERS) {
    // A convex (dome) profile: contours crowd towards the foot.
    const fraction = Math.sqrt(1 - (e - footElevation) / relief);
    contours.push({ elevationMeters: e, ring: ringAt(Math.max(0.05, fraction * 0.97)) });
  }
  return {
    name: hill.name,
    outline: ringAt(1),
    contours,
    summit: add(hill.centerMeters, lean),
    summitElevationMeters: hill.summitElevationMeters,
  };
}

export function buildHills(grid: GridMap, seed: number): Hill[] {
  return grid.hills.map((hill) => buildHill(hill, Random.forConcern(seed, `hill:${hill.name}`)));
}
