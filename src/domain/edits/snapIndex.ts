import type { Position } from 'geojson';
import type { PlanFeature, PlanGeometry } from '../plan/planFeature';
import type { LonLat } from './localPlane';

/** One edge of a feature's outline or line, with where its first vertex sits in the coordinates. */
export interface SnapSegment {
  featureId: string;
  /** Indexes down to the ring or line, as moveVertex's path without the vertex. */
  linePath: readonly number[];
  /** Index of `a` in its ring or line; `b` is the next position. */
  vertex: number;
  /** Positions in the ring or line, the closing one included. */
  lineLength: number;
  isRing: boolean;
  a: Position;
  b: Position;
}

/** A grid of the segments of one layer's features, so a snap looks at its neighbourhood only. */
export interface SnapIndex {
  layerId: string;
  segments: readonly SnapSegment[];
  /** Segment indexes per grid cell (key: column * rows + row). */
  cells: ReadonlyMap<number, readonly number[]>;
  /** Segments crossing too many cells to file in each; every query looks at them. */
  wide: readonly number[];
  west: number;
  south: number;
  columns: number;
  rows: number;
  cellDegrees: number;
}

/** A segment spanning more cells than this is looked at by every query rather than filed in each cell. */
const MAX_CELLS_PER_SEGMENT = 64;
/** A query box wider than this many cells scans every segment: cheaper than walking the grid. */
const MAX_CELLS_PER_QUERY = 4096;
/** Keeps column * rows + row an exact integer and the grid within memory. */
const MAX_CELLS_PER_SIDE = 65_536;

/** Every segment of a geometry, lines and rings alike (a single-position line gives a zero-length one). */
export function segmentsOf(featureId: string, geometry: PlanGeometry): SnapSegment[] {
  const segments: SnapSegment[] = [];
  const addLine = (line: Position[], linePath: number[], isRing: boolean) => {
    if (line.length === 0) return;
    const last = Math.max(line.length - 1, 1);
    for (let vertex = 0; vertex < last; vertex++) {
      const a = line[vertex];
      const b = line[vertex + 1] ?? a;
      if (a && b) segments.push({ featureId, linePath, vertex, lineLength: line.length, isRing, a, b });
    }
  };
  switch (geometry.type) {
    // Points snap as zero-length segments: a new shape can start or end on a facility.
    case 'Point':
      addLine([geometry.coordinates], [], false);
      break;
    case 'MultiPoint':
      geometry.coordinates.forEach((point, index) => addLine([point], [index], false));
      break;
    case 'LineString':
      addLine(geometry.coordinates, [], false);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach((line, index) => addLine(line, [index], false));
      break;
    case 'Polygon':
      geometry.coordinates.forEach((ring, index) => addLine(ring, [index], true));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon, part) => polygon.forEach((ring, index) => addLine(ring, [part, index], true)));
      break;
  }
  return segments;
}

function finiteSegment(segment: SnapSegment): boolean {
  return [segment.a[0], segment.a[1], segment.b[0], segment.b[1]].every((value) => typeof value === 'number' && Number.isFinite(value));
}

/**
 * Files each segment of the layer's features in the grid cells its box touches. The cell size
 * follows the data: about twice the mean segment's extent, so a typical segment sits in a few
 * cells and a pointer's box touches a few dozen.
 */
export function buildSnapIndex(layerId: string, features: readonly PlanFeature[]): SnapIndex {
  const segments = features.flatMap((feature) => (feature.geometry ? segmentsOf(feature.id, feature.geometry) : [])).filter(finiteSegment);
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity, extentSum = 0;
  for (const { a, b } of segments) {
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    west = Math.min(west, ax, bx);
    east = Math.max(east, ax, bx);
    south = Math.min(south, ay, by);
    north = Math.max(north, ay, by);
    extentSum += Math.max(Math.abs(bx - ax), Math.abs(by - ay));
  }
  if (segments.length === 0) return { layerId, segments, cells: new Map(), wide: [], west: 0, south: 0, columns: 1, rows: 1, cellDegrees: 1 };
  const span = Math.max(east - west, north - south);
  const cellDegrees = Math.max((2 * extentSum) / segments.length, span / (MAX_CELLS_PER_SIDE - 1), 1e-7);
  const columns = Math.floor((east - west) / cellDegrees) + 1;
  const rows = Math.floor((north - south) / cellDegrees) + 1;
  const cells = new Map<number, number[]>();
  const wide: number[] = [];
  segments.forEach(({ a, b }, index) => {
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    const fromColumn = Math.floor((Math.min(ax, bx) - west) / cellDegrees);
    const toColumn = Math.floor((Math.max(ax, bx) - west) / cellDegrees);
    const fromRow = Math.floor((Math.min(ay, by) - south) / cellDegrees);
    const toRow = Math.floor((Math.max(ay, by) - south) / cellDegrees);
    if ((toColumn - fromColumn + 1) * (toRow - fromRow + 1) > MAX_CELLS_PER_SEGMENT) {
      wide.push(index);
      return;
    }
    for (let column = fromColumn; column <= toColumn; column++)
      for (let row = fromRow; row <= toRow; row++) {
        const key = column * rows + row;
        const list = cells.get(key);
        if (list) list.push(index);
        else cells.set(key, [index]);
      }
  });
  return { layerId, segments, cells, wide, west, south, columns, rows, cellDegrees };
}

/** The segments whose cells meet the box of ±`longitudeDegrees`, ±`latitudeDegrees` around `center`, each once. */
export function segmentsNear(index: SnapIndex, center: LonLat, longitudeDegrees: number, latitudeDegrees: number): SnapSegment[] {
  const { cellDegrees, west, south, columns, rows } = index;
  const [longitude, latitude] = center;
  const fromColumn = Math.max(0, Math.floor((longitude - longitudeDegrees - west) / cellDegrees));
  const toColumn = Math.min(columns - 1, Math.floor((longitude + longitudeDegrees - west) / cellDegrees));
  const fromRow = Math.max(0, Math.floor((latitude - latitudeDegrees - south) / cellDegrees));
  const toRow = Math.min(rows - 1, Math.floor((latitude + latitudeDegrees - south) / cellDegrees));
  const wide = index.wide.map((segment) => index.segments[segment]).filter((segment) => segment !== undefined);
  if (fromColumn > toColumn || fromRow > toRow) return wide;
  if ((toColumn - fromColumn + 1) * (toRow - fromRow + 1) > MAX_CELLS_PER_QUERY) return [...index.segments];
  const seen = new Set<number>();
  for (let column = fromColumn; column <= toColumn; column++)
    for (let row = fromRow; row <= toRow; row++)
      for (const segment of index.cells.get(column * rows + row) ?? []) seen.add(segment);
  const found = wide;
  for (const segment of seen) {
    const value = index.segments[segment];
    if (value) found.push(value);
  }
  return found;
}
