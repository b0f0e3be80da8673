/** The lake (明湖): its wiggly water edge along the shore and its far side beyond the district. */
import { type Point, type Poly, orientPoly } from './geometry';
import type { GridMap } from './gridMap';
import { fractalNoise, type Random } from './random';

export const LAKE_NAME = '明湖';

/** The lake is modelled between these grid `s` values; the district lies well inside them. */
const EDGE_FROM_S = -9000;
const EDGE_TO_S = 9000;
/** Sampling step of the water edge; strips along the shore reuse it so edges never cross. */
export const SHORE_STEP_METERS = 25;

export class Lake {
  /** Grid `v` of the water edge at `s`: small coves and points on top of the smoothed shore. */
  readonly waterEdgeV: (s: number) => number;
  readonly polygon: Poly;
  readonly edge: Point[];

  constructor(grid: GridMap, random: Random) {
    const shoreline = fractalNoise(random, [
      { spacingMeters: 1400, amplitude: 70 },
      { spacingMeters: 520, amplitude: 38 },
      { spacingMeters: 190, amplitude: 16 },
      { spacingMeters: 70, amplitude: 5 },
    ]);
    this.waterEdgeV = (s) => 20 + shoreline(s);
    this.edge = [];
    for (let s = EDGE_FROM_S; s <= EDGE_TO_S; s += SHORE_STEP_METERS) {
      this.edge.push(grid.toMetric(s, this.waterEdgeV(s)));
    }
    const farSide: Point[] = [
      grid.chordToMetric(EDGE_TO_S + 800, -4000),
      grid.chordToMetric(EDGE_TO_S - 2000, -16000),
      grid.chordToMetric(0, -21000),
      grid.chordToMetric(EDGE_FROM_S + 2000, -16000),
      grid.chordToMetric(EDGE_FROM_S - 800, -4000),
    ];
    this.polygon = orientPoly([[...this.edge, ...farSide]]);
  }

  /** Grid `s` values on the water edge's own samples, so strips can share them exactly. */
  edgeSamples(fromS: number, toS: number): number[] {
    const values: number[] = [];
    const first = Math.ceil((fromS - EDGE_FROM_S) / SHORE_STEP_METERS);
    for (let i = first; EDGE_FROM_S + i * SHORE_STEP_METERS <= toS; i += 1) values.push(EDGE_FROM_S + i * SHORE_STEP_METERS);
    return values;
  }
}
