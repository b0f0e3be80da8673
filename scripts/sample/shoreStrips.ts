/**
 * The strip between the water's edge and the lakeside avenue, cut where cross streets meet the
 * avenue: each piece becomes a lakeshore restoration zone or a lakeside greenway.
 */
import { largestPiece, intersectPolys, subtractPolys } from './clip';
import { LAKESIDE_ROAD_V } from './design';
import { at, polyArea, type Point, type Poly } from './geometry';
import type { RiverCut } from './blocks';
import { LAKESIDE_HALF_WIDTH_METERS } from './streetGrid';
import type { World } from './world';

export interface ShoreSegment {
  poly: Poly;
  s0: number;
  s1: number;
}

const WATER_SETBACK_METERS = 8;
const PATH_GAP_METERS = 12;
const MIN_SEGMENT_SQUARE_METERS = 20000;

function stripPoly(world: World, s0: number, s1: number): Poly | null {
  const samples = world.lake.edgeSamples(s0, s1);
  if (samples.length < 2) return null;
  const waterSide: Point[] = samples.map((s) => world.grid.toMetric(s, world.lake.waterEdgeV(s) + WATER_SETBACK_METERS));
  const roadV = LAKESIDE_ROAD_V - LAKESIDE_HALF_WIDTH_METERS - 4;
  const roadSide: Point[] = [...samples].reverse().map((s) => world.grid.toMetric(s, roadV));
  return [[...waterSide, ...roadSide]];
}

/** Splits [s0, s1] into pieces no longer than `maxLength`. */
function pieces(s0: number, s1: number, maxLength: number): [number, number][] {
  const count = Math.max(1, Math.ceil((s1 - s0) / maxLength));
  const result: [number, number][] = [];
  for (let i = 0; i < count; i += 1) {
    const a = s0 + ((s1 - s0) * i) / count + (i === 0 ? 0 : PATH_GAP_METERS / 2);
    const b = s0 + ((s1 - s0) * (i + 1)) / count - (i + 1 === count ? 0 : PATH_GAP_METERS / 2);
    result.push([a, b]);
  }
  return result;
}

export function buildShoreSegments(world: World, cuts: readonly RiverCut[]): ShoreSegment[] {
  const breaks = world.streets.sLines.map((l) => l.value);
  const segments: ShoreSegment[] = [];
  for (let i = 0; i + 1 < breaks.length; i += 1) {
    const from = at(breaks, i) + PATH_GAP_METERS;
    const to = at(breaks, i + 1) - PATH_GAP_METERS;
    for (const [s0, s1] of pieces(from, to, 700)) {
      const raw = stripPoly(world, s0, s1);
      if (raw === null) continue;
      const onLand = largestPiece(intersectPolys(raw, world.district.innerLand));
      if (onLand === null) continue;
      const crossing = cuts.filter((cut) => intersectPolys(onLand, cut.greenLine).length > 0);
      const parts = crossing.length === 0 ? [onLand] : subtractPolys(onLand, crossing.map((c) => c.greenLine));
      for (const part of parts) {
        if (polyArea(part) >= MIN_SEGMENT_SQUARE_METERS) segments.push({ poly: part, s0, s1 });
      }
    }
  }
  return segments;
}

/** Halves a segment when it is too large for one greenway project. */
export function splitSegment(world: World, segment: ShoreSegment): ShoreSegment[] {
  const middle = (segment.s0 + segment.s1) / 2;
  const halves: ShoreSegment[] = [];
  for (const [s0, s1] of [[segment.s0, middle - PATH_GAP_METERS / 2], [middle + PATH_GAP_METERS / 2, segment.s1]] as const) {
    const raw = stripPoly(world, s0, s1);
    if (raw === null) continue;
    const kept = intersectPolys(raw, segment.poly).filter((p) => polyArea(p) >= MIN_SEGMENT_SQUARE_METERS / 2);
    for (const poly of kept) halves.push({ poly, s0, s1 });
  }
  return halves;
}
