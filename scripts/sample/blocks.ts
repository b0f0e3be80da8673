/**
 * City blocks: street-grid cells inset by half the street widths, cut to the district's land,
 * kept clear of hills, and set back from rivers (blue line plus a riverside green line).
 */
import { intersectPolys, largestPiece, subtractPolys } from './clip';
import {
  boxOf,
  boxesOverlap,
  compactness,
  distanceToPolyline,
  at,
  pointInPoly,
  pointInRing,
  polyArea,
  ringCentroid,
  type Box,
  type Point,
  type Poly,
} from './geometry';
import { bandAround, type River } from './rivers';
import type { Cell, GridRect } from './streetGrid';
import type { World } from './world';
import { quarterAt, type Quarter } from './zoning';

/** The river's blue line plus a bank road or dike. */
export const RIVER_SETBACK_METERS = 14;
/** Width of the riverside green line beyond the setback. */
export const RIVERSIDE_GREEN_METERS = 55;

export interface Block {
  cell: Cell;
  quarter: Quarter;
  /** The inset cell in grid coordinates, before any cut. */
  rect: GridRect;
  poly: Poly;
  areaSquareMeters: number;
  /** True when the block is the untouched inset cell (no cut by land, river or hill). */
  whole: boolean;
  /** Strips between this block's land and a river's setback: riverside green candidates. */
  riverside: { river: string; poly: Poly }[];
  box: Box;
}

export interface RiverCut {
  river: River;
  corridor: Poly;
  greenLine: Poly;
  box: Box;
}

export function riverCuts(rivers: readonly River[]): RiverCut[] {
  return rivers.map((river) => {
    const greenLine: Poly = [bandAround(river.centerLine, river.widthsMeters, RIVER_SETBACK_METERS + RIVERSIDE_GREEN_METERS)];
    return {
      river,
      corridor: [bandAround(river.centerLine, river.widthsMeters, RIVER_SETBACK_METERS)],
      greenLine,
      box: boxOf(at(greenLine, 0)),
    };
  });
}

export function insetRect(cell: Cell): GridRect {
  return {
    s0: cell.s0 + cell.inset.west,
    v0: cell.v0 + cell.inset.south,
    s1: cell.s1 - cell.inset.east,
    v1: cell.v1 - cell.inset.north,
  };
}

function nearHill(world: World, points: readonly Point[]): boolean {
  return world.hills.some((hill) => {
    const hillBox = boxOf(hill.outline);
    if (!boxesOverlap(hillBox, boxOf(points), 60)) return false;
    return points.some((p) => pointInRing(p, hill.outline) || distanceToPolyline(p, [...hill.outline, at(hill.outline, 0)]) < 60);
  });
}

/** Cuts a block-shaped polygon to land and out of river corridors; null when too little is left. */
export function cutToSite(world: World, cuts: readonly RiverCut[], poly: Poly, minShare: number): { poly: Poly; whole: boolean; riverside: { river: string; poly: Poly }[] } | null {
  const ring = at(poly, 0);
  const box = boxOf(ring);
  const fullArea = polyArea(poly);
  let current: Poly = poly;
  let whole = true;
  if (!ring.every((p) => pointInPoly(p, world.district.innerLand))) {
    const piece = largestPiece(intersectPolys(current, world.district.innerLand));
    if (piece === null) return null;
    current = piece;
    whole = false;
  }
  const riverside: { river: string; poly: Poly }[] = [];
  for (const cut of cuts) {
    if (!boxesOverlap(box, cut.box)) continue;
    const touching = intersectPolys(current, cut.greenLine);
    if (touching.length === 0) continue;
    for (const strip of subtractPolys(current, [cut.corridor]).flatMap((rest) => intersectPolys(rest, cut.greenLine))) {
      riverside.push({ river: cut.river.name, poly: strip });
    }
    const rest = largestPiece(subtractPolys(current, [cut.greenLine]));
    if (rest === null) return null;
    current = rest;
    whole = false;
  }
  if (polyArea(current) < minShare * fullArea) return null;
  if (!whole && compactness(at(current, 0)) < 0.45) return null;
  return { poly: current, whole, riverside };
}

export function buildBlocks(world: World, cuts: readonly RiverCut[]): Block[] {
  const blocks: Block[] = [];
  const landBox = boxOf(at(world.district.land, 0));
  for (const cell of world.streets.cells) {
    const rect = insetRect(cell);
    const ring = world.grid.rectangle(rect.s0, rect.v0, rect.s1, rect.v1);
    const box = boxOf(ring);
    if (!boxesOverlap(box, landBox)) continue;
    if (!ring.some((p) => pointInPoly(p, world.district.land)) && !pointInPoly(ringCentroid(ring), world.district.land)) continue;
    if (nearHill(world, ring)) continue;
    const site = cutToSite(world, cuts, [ring], 0.4);
    if (site === null) continue;
    blocks.push({
      cell,
      quarter: quarterAt((cell.s0 + cell.s1) / 2, (cell.v0 + cell.v1) / 2),
      rect,
      poly: site.poly,
      areaSquareMeters: polyArea(site.poly),
      whole: site.whole,
      riverside: site.riverside,
      box: boxOf(at(site.poly, 0)),
    });
  }
  return blocks;
}
