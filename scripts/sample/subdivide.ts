/** Splitting blocks into parcels along the grid, with lanes or fences between them. */
import { intersectPolys, largestPiece } from './clip';
import type { Block } from './blocks';
import { polyArea, type Poly } from './geometry';
import type { GridMap } from './gridMap';
import { cornersToRing, rectCorners } from './outline';
import type { Random } from './random';
import type { GridRect } from './streetGrid';

/** Cuts a rectangle across its longer side into `parts` strips, leaving `gapMeters` between them. */
export function splitRect(rect: GridRect, parts: number, gapMeters: number, random: Random): GridRect[] {
  const alongS = rect.s1 - rect.s0 >= rect.v1 - rect.v0;
  const from = alongS ? rect.s0 : rect.v0;
  const to = alongS ? rect.s1 : rect.v1;
  const cuts = [from];
  for (let i = 1; i < parts; i += 1) cuts.push(from + ((to - from) * (i + random.range(-0.15, 0.15))) / parts);
  cuts.push(to);
  const result: GridRect[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const a = (cuts[i] as number) + (i === 0 ? 0 : gapMeters / 2);
    const b = (cuts[i + 1] as number) - (i + 2 === cuts.length ? 0 : gapMeters / 2);
    result.push(alongS ? { ...rect, s0: a, s1: b } : { ...rect, v0: a, v1: b });
  }
  return result;
}

/** Recursive halving until every parcel is below its size target: the pattern of plots in a block. */
export function parcelRects(rect: GridRect, random: Random, maxAreaSquareMeters: number, gapMeters: number): GridRect[] {
  const area = (rect.s1 - rect.s0) * (rect.v1 - rect.v0);
  if (area <= maxAreaSquareMeters * random.range(0.7, 1.2)) return [rect];
  return splitRect(rect, 2, gapMeters, random).flatMap((part) => parcelRects(part, random, maxAreaSquareMeters, gapMeters));
}

/** A grid rectangle inside a block as a metric polygon; cut to the block when the block itself was cut. */
export function rectInBlock(grid: GridMap, block: Block, rect: GridRect): Poly | null {
  const poly: Poly = [cornersToRing(grid, rectCorners(rect))];
  if (block.whole) return poly;
  const piece = largestPiece(intersectPolys(poly, block.poly));
  if (piece === null || polyArea(piece) < 0.6 * polyArea(poly)) return null;
  return piece;
}
