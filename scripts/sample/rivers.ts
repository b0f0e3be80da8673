/** Rivers: meandering centre lines that flow from the hills into the lake, and their water surfaces. */
import { RIVERS, type RiverDesign } from './design';
import { add, at, normalize, perpendicular, scale, sub, type Point, type Poly } from './geometry';
import type { GridMap } from './gridMap';
import type { Lake } from './lake';
import { smoothNoise, type Random } from './random';

export interface River {
  name: string;
  /** Downstream: from the source to a little beyond the mouth, in local metres. */
  centerLine: Point[];
  /** Width at each centre-line point. */
  widthsMeters: number[];
  /** Grid coordinates of each centre-line point, for placing things along the river. */
  gridPoints: Point[];
  water: Poly;
}

function buildRiver(design: RiverDesign, grid: GridMap, lake: Lake, random: Random): River {
  const meander = smoothNoise(random, [1100, 1750, 2900], 120);
  const sAt = (v: number): number => design.mouthS + design.lean * v + meander(v) - meander(0);
  const mouthV = lake.waterEdgeV(design.mouthS) - 220;
  const gridPoints: Point[] = [];
  const step = 30;
  for (let v = design.sourceV; v > mouthV; v -= step) gridPoints.push([sAt(v), v]);
  gridPoints.push([sAt(mouthV), mouthV]);
  const centerLine = gridPoints.map(([s, v]) => grid.toMetric(s, v));
  const widthsMeters = gridPoints.map(([, v]) => {
    const t = Math.max(0, Math.min(1, v / design.sourceV));
    return design.mouthWidthMeters + (design.sourceWidthMeters - design.mouthWidthMeters) * t;
  });
  return { name: design.name, centerLine, widthsMeters, gridPoints, water: [bandAround(centerLine, widthsMeters, 0)] };
}

export function buildRivers(grid: GridMap, lake: Lake, random: Random): River[] {
  return RIVERS.map((design) => buildRiver(design, grid, lake, random));
}

/**
 * A band along a polyline, `widths/2 + extraMeters` to each side. The rivers bend gently
 * (radius of hundreds of metres), so the offset edges do not fold.
 */
export function bandAround(line: readonly Point[], widthsMeters: readonly number[], extraMeters: number): Point[] {
  const left: Point[] = [];
  const right: Point[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const before = at(line, Math.max(0, i - 1));
    const after = at(line, Math.min(line.length - 1, i + 1));
    const normal = perpendicular(normalize(sub(after, before)));
    const half = at(widthsMeters, i) / 2 + extraMeters;
    left.push(add(at(line, i), scale(normal, half)));
    right.push(add(at(line, i), scale(normal, -half)));
  }
  return [...left, ...right.reverse()];
}
