/**
 * The road network as pieces of grid lines between junctions. A piece is existing (drawn on the
 * basemap), or not yet built: then it may be one of the plan's new roads.
 */
import { LAKESIDE_ROAD_V } from './design';
import { at, pointInPoly, pointInRing, type Point } from './geometry';
import { clipPolyline } from './polylineClip';
import type { GridLine, LineKind, Tile } from './streetGrid';
import type { World } from './world';
import { quarterAt, type Quarter } from './zoning';

export interface RoadPiece {
  /** 's': a line of constant s, running inland; 'v': a line of constant v, running along the shore. */
  axis: 's' | 'v';
  value: number;
  from: number;
  to: number;
  kind: LineKind;
  /** Pieces of one street share a key. */
  lineKey: string;
  tileIds: string[];
  existing: boolean;
}

/** Cells merged into one site (an urban village, a large park): local streets between them are gone. */
export type CellMerges = ReadonlyMap<string, string>;

function tileQuarter(tile: Tile): Quarter {
  return quarterAt((tile.s0 + tile.s1) / 2, (tile.v0 + tile.v1) / 2);
}

function globalPieces(lines: readonly GridLine[], across: readonly GridLine[], axis: 's' | 'v', tileAt: (i: number, j: number) => Tile | undefined): RoadPiece[] {
  const pieces: RoadPiece[] = [];
  lines.forEach((line, i) => {
    for (let j = 0; j + 1 < across.length; j += 1) {
      const tiles = [tileAt(i - 1, j), tileAt(i, j)].filter((t): t is Tile => t !== undefined);
      pieces.push({
        axis,
        value: line.value,
        from: at(across, j).value,
        to: at(across, j + 1).value,
        kind: line.kind,
        lineKey: `${axis}:${i}`,
        tileIds: tiles.map((t) => t.id),
        existing: true,
      });
    }
  });
  return pieces;
}

function localPieces(tile: Tile, merges: CellMerges): RoadPiece[] {
  const pieces: RoadPiece[] = [];
  const sEdges = [tile.s0, ...tile.sSplits, tile.s1];
  const vEdges = [tile.v0, ...tile.vSplits, tile.v1];
  const sameSite = (a: string, b: string): boolean => merges.get(a) !== undefined && merges.get(a) === merges.get(b);
  tile.sSplits.forEach((s, k) => {
    for (let r = 0; r + 1 < vEdges.length; r += 1) {
      if (sameSite(`${tile.id}:${k}-${r}`, `${tile.id}:${k + 1}-${r}`)) continue;
      pieces.push({ axis: 's', value: s, from: at(vEdges, r), to: at(vEdges, r + 1), kind: 'local', lineKey: `${tile.id}:s${k}`, tileIds: [tile.id], existing: true });
    }
  });
  tile.vSplits.forEach((v, k) => {
    for (let c = 0; c + 1 < sEdges.length; c += 1) {
      if (sameSite(`${tile.id}:${c}-${k}`, `${tile.id}:${c}-${k + 1}`)) continue;
      pieces.push({ axis: 'v', value: v, from: at(sEdges, c), to: at(sEdges, c + 1), kind: 'local', lineKey: `${tile.id}:v${k}`, tileIds: [tile.id], existing: true });
    }
  });
  return pieces;
}

export function buildRoadPieces(world: World, merges: CellMerges): RoadPiece[] {
  const { sLines, vLines, tiles } = world.streets;
  const byId = new Map(tiles.map((t) => [t.id, t]));
  const tileAt = (i: number, j: number): Tile | undefined => byId.get(`T${i}-${j}`);
  const pieces = [
    ...globalPieces(sLines, vLines, 's', tileAt),
    ...globalPieces(vLines, sLines, 'v', (i, j) => tileAt(j, i)),
    ...tiles.flatMap((tile) => localPieces(tile, merges)),
  ];
  for (const piece of pieces) {
    const quarters = piece.tileIds.map((id) => byId.get(id)).filter((t): t is Tile => t !== undefined).map(tileQuarter);
    const inNewTown = quarters.length > 0 && quarters.every((q) => q === 'new-town');
    if (piece.axis === 'v' && piece.value === LAKESIDE_ROAD_V) {
      piece.existing = !quarters.includes('new-town');
    } else if (inNewTown) {
      piece.existing = false;
    } else if (piece.kind === 'local' && quarters.every((q) => q === 'industrial')) {
      // Old works are being opened up: their branch roads are part of the plan, not yet built.
      piece.existing = false;
    }
  }
  return pieces;
}

/** Where roads may run: on the district's land, off the hills. */
export function roadGround(world: World): (p: Point) => boolean {
  return (p) => pointInPoly(p, world.district.innerLand) && !world.hills.some((hill) => pointInRing(p, hill.outline));
}

/** A run of pieces along one line, as metric polylines cut to the ground roads may use. */
export function piecesToLines(world: World, pieces: readonly RoadPiece[], ground: (p: Point) => boolean): Point[][] {
  const sorted = [...pieces].sort((a, b) => a.from - b.from);
  const chains: { from: number; to: number; piece: RoadPiece }[] = [];
  for (const piece of sorted) {
    const last = chains[chains.length - 1];
    if (last !== undefined && Math.abs(last.to - piece.from) < 1e-6) last.to = piece.to;
    else chains.push({ from: piece.from, to: piece.to, piece });
  }
  return chains.flatMap(({ from, to, piece }) => {
    const a: Point = piece.axis === 's' ? [piece.value, from] : [from, piece.value];
    const b: Point = piece.axis === 's' ? [piece.value, to] : [to, piece.value];
    return clipPolyline(world.grid.path(a, b, 40), ground);
  });
}
