import type { Bounds } from '../measure/featureBounds';

/**
 * A uniform grid over a polygon's boundary edges (x1, y1, x2, y2 in `edges`): each cell lists the
 * edges whose box overlaps it. A project then looks at the edges near it, not at a boundary of
 * thousands of vertices, which keeps the overlap of a city's worth of projects fast.
 */
export interface EdgeGrid {
  bounds: Bounds;
  columns: number;
  rows: number;
  /** Edge numbers (index / 4) of cell c are cellEdges[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Uint32Array;
  cellEdges: Uint32Array;
}

/** About this many edges per cell on average; cells are never fewer than 1 × 1 nor more than 128 × 128. */
const EDGES_PER_CELL = 4;
const MAX_CELLS_PER_SIDE = 128;

export function edgeGrid(edges: Float64Array, bounds: Bounds): EdgeGrid {
  const edgeCount = edges.length / 4;
  const side = Math.max(1, Math.min(MAX_CELLS_PER_SIDE, Math.ceil(Math.sqrt(edgeCount / EDGES_PER_CELL))));
  const [west, south, east, north] = bounds;
  const cellWidth = (east - west) / side || 1;
  const cellHeight = (north - south) / side || 1;
  const column = (x: number) => Math.max(0, Math.min(side - 1, Math.floor((x - west) / cellWidth)));
  const row = (y: number) => Math.max(0, Math.min(side - 1, Math.floor((y - south) / cellHeight)));
  const cells: number[][] = Array.from({ length: side * side }, () => []);
  for (let edge = 0; edge < edgeCount; edge++) {
    const x1 = edges[4 * edge] ?? NaN;
    const y1 = edges[4 * edge + 1] ?? NaN;
    const x2 = edges[4 * edge + 2] ?? NaN;
    const y2 = edges[4 * edge + 3] ?? NaN;
    for (let r = row(Math.min(y1, y2)); r <= row(Math.max(y1, y2)); r++)
      for (let c = column(Math.min(x1, x2)); c <= column(Math.max(x1, x2)); c++) cells[r * side + c]?.push(edge);
  }
  const cellStart = new Uint32Array(cells.length + 1);
  cells.forEach((list, cell) => { cellStart[cell + 1] = (cellStart[cell] ?? 0) + list.length; });
  return { bounds, columns: side, rows: side, cellStart, cellEdges: Uint32Array.from(cells.flat()) };
}

/** Numbers of the edges in the cells a box overlaps, each once, ascending. */
export function edgesNear(grid: EdgeGrid, [west, south, east, north]: Bounds): number[] {
  const [gridWest, gridSouth, gridEast, gridNorth] = grid.bounds;
  if (east < gridWest || west > gridEast || north < gridSouth || south > gridNorth) return [];
  const cellWidth = (gridEast - gridWest) / grid.columns || 1;
  const cellHeight = (gridNorth - gridSouth) / grid.rows || 1;
  const column = (x: number) => Math.max(0, Math.min(grid.columns - 1, Math.floor((x - gridWest) / cellWidth)));
  const row = (y: number) => Math.max(0, Math.min(grid.rows - 1, Math.floor((y - gridSouth) / cellHeight)));
  const found = new Set<number>();
  for (let r = row(south); r <= row(north); r++)
    for (let c = column(west); c <= column(east); c++) {
      const cell = r * grid.columns + c;
      for (let at = grid.cellStart[cell] ?? 0; at < (grid.cellStart[cell + 1] ?? 0); at++) found.add(grid.cellEdges[at] ?? 0);
    }
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether a point lies inside the polygon whose edges the grid holds (even-odd rule, holes and
 * all): a ray cast east that counts only the edges of the cells it passes, so a point costs a row
 * of cells instead of the whole boundary. A point exactly on an edge may go either way.
 */
export function pointInsideEdges(grid: EdgeGrid, edges: Float64Array, x: number, y: number): boolean {
  const [west, south, east, north] = grid.bounds;
  if (!(x >= west && x <= east && y >= south && y <= north)) return false;
  const cellWidth = (east - west) / grid.columns || 1;
  const cellHeight = (north - south) / grid.rows || 1;
  const row = Math.max(0, Math.min(grid.rows - 1, Math.floor((y - south) / cellHeight)));
  const firstColumn = Math.max(0, Math.min(grid.columns - 1, Math.floor((x - west) / cellWidth)));
  const seen = new Set<number>();
  let inside = false;
  for (let column = firstColumn; column < grid.columns; column++) {
    const cell = row * grid.columns + column;
    for (let at = grid.cellStart[cell] ?? 0; at < (grid.cellStart[cell + 1] ?? 0); at++) {
      const edge = grid.cellEdges[at] ?? 0;
      if (seen.has(edge)) continue;
      seen.add(edge);
      const x1 = edges[4 * edge] ?? NaN;
      const y1 = edges[4 * edge + 1] ?? NaN;
      const x2 = edges[4 * edge + 2] ?? NaN;
      const y2 = edges[4 * edge + 3] ?? NaN;
      // Half-open in y, so a ray through a vertex counts its two edges once between them.
      if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
  }
  return inside;
}
