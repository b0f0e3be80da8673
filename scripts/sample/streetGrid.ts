/**
 * The street grid in grid coordinates: arterials (main) every ~1.1 km, one secondary street
 * between arterials, and local streets cutting each tile into blocks of 170-330 m.
 */
import { LAKESIDE_ROAD_V } from './design';
import { at } from './geometry';
import type { Random } from './random';

export type LineKind = 'main' | 'secondary' | 'local';
/** How many local streets a tile gets. */
export type LocalDensity = 'dense' | 'sparse' | 'none';

export interface GridLine {
  value: number;
  kind: LineKind;
}

/** Half the right-of-way width (red line to red line), metres. */
export const HALF_WIDTH_METERS: Record<LineKind, number> = { main: 20, secondary: 12, local: 7 };
export const LAKESIDE_HALF_WIDTH_METERS = 25;

/** A rectangle of grid coordinates, measured along street centre lines. */
export interface GridRect {
  s0: number;
  v0: number;
  s1: number;
  v1: number;
}

export interface Cell extends GridRect {
  id: string;
  tileId: string;
  /** Column and row inside the tile. */
  column: number;
  row: number;
  /** Half widths of the streets on each side: west (s0), east (s1), south (v0), north (v1). */
  inset: { west: number; east: number; south: number; north: number };
}

export interface Tile extends GridRect {
  id: string;
  density: LocalDensity;
  sSplits: number[];
  vSplits: number[];
}

export interface StreetGrid {
  sLines: GridLine[];
  vLines: GridLine[];
  tiles: Tile[];
  cells: Cell[];
}

const S_FROM = -7600;
const S_TO = 7800;
const V_TO = 9600;

function mainLines(random: Random, from: number, to: number): number[] {
  const values = [from];
  let last = from;
  while (last < to) {
    last += random.range(980, 1250);
    values.push(last);
  }
  return values;
}

function withSecondaries(random: Random, mains: readonly number[]): GridLine[] {
  const lines: GridLine[] = [];
  mains.forEach((value, i) => {
    lines.push({ value, kind: 'main' });
    const next = mains[i + 1];
    if (next !== undefined) lines.push({ value: value + (next - value) * random.range(0.42, 0.58), kind: 'secondary' });
  });
  return lines;
}

function splits(random: Random, from: number, to: number, density: LocalDensity): number[] {
  if (density === 'none') return [];
  const width = to - from;
  const target = density === 'dense' ? 250 : 420;
  const count = Math.max(0, Math.round(width / target) - 1);
  const result: number[] = [];
  for (let i = 1; i <= count; i += 1) result.push(from + (width * (i + random.range(-0.18, 0.18))) / (count + 1));
  return result;
}

function halfWidth(kind: LineKind, value: number, axis: 's' | 'v'): number {
  if (axis === 'v' && value === LAKESIDE_ROAD_V) return LAKESIDE_HALF_WIDTH_METERS;
  return HALF_WIDTH_METERS[kind];
}

export function buildStreetGrid(random: Random, densityAt: (s: number, v: number) => LocalDensity): StreetGrid {
  const sLines = withSecondaries(random, mainLines(random, S_FROM, S_TO));
  const vLines = withSecondaries(random, mainLines(random, LAKESIDE_ROAD_V, V_TO));
  const tiles: Tile[] = [];
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < sLines.length; i += 1) {
    for (let j = 0; j + 1 < vLines.length; j += 1) {
      const west = at(sLines, i);
      const east = at(sLines, i + 1);
      const south = at(vLines, j);
      const north = at(vLines, j + 1);
      const density = densityAt((west.value + east.value) / 2, (south.value + north.value) / 2);
      const tile: Tile = {
        id: `T${i}-${j}`,
        s0: west.value,
        s1: east.value,
        v0: south.value,
        v1: north.value,
        density,
        sSplits: splits(random, west.value, east.value, density),
        vSplits: splits(random, south.value, north.value, density),
      };
      tiles.push(tile);
      const sEdges = [tile.s0, ...tile.sSplits, tile.s1];
      const vEdges = [tile.v0, ...tile.vSplits, tile.v1];
      for (let c = 0; c + 1 < sEdges.length; c += 1) {
        for (let r = 0; r + 1 < vEdges.length; r += 1) {
          cells.push({
            id: `${tile.id}:${c}-${r}`,
            tileId: tile.id,
            column: c,
            row: r,
            s0: at(sEdges, c),
            s1: at(sEdges, c + 1),
            v0: at(vEdges, r),
            v1: at(vEdges, r + 1),
            inset: {
              west: c === 0 ? halfWidth(west.kind, west.value, 's') : HALF_WIDTH_METERS.local,
              east: c + 2 === sEdges.length ? halfWidth(east.kind, east.value, 's') : HALF_WIDTH_METERS.local,
              south: r === 0 ? halfWidth(south.kind, south.value, 'v') : HALF_WIDTH_METERS.local,
              north: r + 2 === vEdges.length ? halfWidth(north.kind, north.value, 'v') : HALF_WIDTH_METERS.local,
            },
          });
        }
      }
    }
  }
  return { sLines, vLines, tiles, cells };
}
