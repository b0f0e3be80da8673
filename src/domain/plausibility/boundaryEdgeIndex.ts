import type { Position } from 'geojson';
import type { Bounds } from '../measure/featureBounds';

/**
 * The edges of a boundary's rings, bucketed into latitude bands, so that asking whether a point
 * is inside, or whether anything of the boundary comes near a box, reads a few edges instead of
 * all of them: checking every feature of a 50,000-project import against a district ring of
 * 600 vertices would otherwise cost 30 million edge tests per question.
 */
export interface BoundaryEdgeIndex {
  /** Even-odd rule over every ring: holes and separate parts are honoured. */
  contains(lon: number, lat: number): boolean;
  /** Whether the box of some edge overlaps `bounds`: false means no boundary line passes through the box. */
  edgeNear(bounds: Bounds): boolean;
  /** Where the segment from a to b crosses the boundary, as fractions of its length in (0, 1), ascending. */
  crossings(a: Position, b: Position): number[];
  /** The edges (x1, y1, x2, y2) whose boxes overlap `bounds`, each once: what exact tests near the box read. */
  edgesIn(bounds: Bounds): Float64Array;
}

/** About this many edges per band; enough bands that a band holds a handful of edges. */
const EDGES_PER_BAND = 4;
const MAX_BANDS = 4096;

export function boundaryEdgeIndex(rings: readonly (readonly Position[])[]): BoundaryEdgeIndex {
  const coordinates: number[] = [];
  for (const ring of rings) {
    for (let index = 1; index < ring.length; index++) {
      const [x1 = 0, y1 = 0] = ring[index - 1] ?? [];
      const [x2 = 0, y2 = 0] = ring[index] ?? [];
      if (x1 !== x2 || y1 !== y2) coordinates.push(x1, y1, x2, y2);
    }
  }
  const edges = Float64Array.from(coordinates);
  const edgeCount = edges.length / 4;
  let south = Infinity;
  let north = -Infinity;
  for (let edge = 0; edge < edgeCount; edge++) {
    south = Math.min(south, edges[edge * 4 + 1] ?? 0, edges[edge * 4 + 3] ?? 0);
    north = Math.max(north, edges[edge * 4 + 1] ?? 0, edges[edge * 4 + 3] ?? 0);
  }
  const bandCount = Math.max(1, Math.min(MAX_BANDS, Math.ceil(edgeCount / EDGES_PER_BAND)));
  const bandHeight = north > south ? (north - south) / bandCount : 1;
  const bandOf = (lat: number): number => Math.min(bandCount - 1, Math.max(0, Math.floor((lat - south) / bandHeight)));
  const bands: number[][] = Array.from({ length: bandCount }, () => []);
  for (let edge = 0; edge < edgeCount; edge++) {
    const y1 = edges[edge * 4 + 1] ?? 0;
    const y2 = edges[edge * 4 + 3] ?? 0;
    for (let band = bandOf(Math.min(y1, y2)); band <= bandOf(Math.max(y1, y2)); band++) bands[band]?.push(edge);
  }

  const contains = (lon: number, lat: number): boolean => {
    if (!(lat >= south && lat <= north)) return false;
    let inside = false;
    for (const edge of bands[bandOf(lat)] ?? []) {
      const x1 = edges[edge * 4] ?? 0;
      const y1 = edges[edge * 4 + 1] ?? 0;
      const x2 = edges[edge * 4 + 2] ?? 0;
      const y2 = edges[edge * 4 + 3] ?? 0;
      if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  };

  const edgeNear = ([west, boxSouth, east, boxNorth]: Bounds): boolean => {
    if (boxNorth < south || boxSouth > north) return false;
    for (let band = bandOf(boxSouth); band <= bandOf(boxNorth); band++) {
      for (const edge of bands[band] ?? []) {
        const x1 = edges[edge * 4] ?? 0;
        const y1 = edges[edge * 4 + 1] ?? 0;
        const x2 = edges[edge * 4 + 2] ?? 0;
        const y2 = edges[edge * 4 + 3] ?? 0;
        if (Math.max(x1, x2) >= west && Math.min(x1, x2) <= east && Math.max(y1, y2) >= boxSouth && Math.min(y1, y2) <= boxNorth) return true;
      }
    }
    return false;
  };

  const crossings = (a: Position, b: Position): number[] => {
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    if (Math.max(ay, by) < south || Math.min(ay, by) > north) return [];
    const seen = new Set<number>();
    const found: number[] = [];
    const dx = bx - ax;
    const dy = by - ay;
    for (let band = bandOf(Math.min(ay, by)); band <= bandOf(Math.max(ay, by)); band++) {
      for (const edge of bands[band] ?? []) {
        if (seen.has(edge)) continue;
        seen.add(edge);
        const x1 = edges[edge * 4] ?? 0;
        const y1 = edges[edge * 4 + 1] ?? 0;
        const ex = (edges[edge * 4 + 2] ?? 0) - x1;
        const ey = (edges[edge * 4 + 3] ?? 0) - y1;
        const denominator = dx * ey - dy * ex;
        // Parallel or collinear: no single crossing point; the pieces either side are classified by their midpoints.
        if (denominator === 0) continue;
        const t = ((x1 - ax) * ey - (y1 - ay) * ex) / denominator;
        const u = ((x1 - ax) * dy - (y1 - ay) * dx) / denominator;
        if (t > 0 && t < 1 && u >= 0 && u <= 1) found.push(t);
      }
    }
    return found.sort((first, second) => first - second);
  };

  const edgesIn = ([west, boxSouth, east, boxNorth]: Bounds): Float64Array => {
    if (boxNorth < south || boxSouth > north) return new Float64Array(0);
    const seen = new Set<number>();
    const found: number[] = [];
    for (let band = bandOf(boxSouth); band <= bandOf(boxNorth); band++) {
      for (const edge of bands[band] ?? []) {
        if (seen.has(edge)) continue;
        seen.add(edge);
        const x1 = edges[edge * 4] ?? 0;
        const y1 = edges[edge * 4 + 1] ?? 0;
        const x2 = edges[edge * 4 + 2] ?? 0;
        const y2 = edges[edge * 4 + 3] ?? 0;
        if (Math.max(x1, x2) >= west && Math.min(x1, x2) <= east && Math.max(y1, y2) >= boxSouth && Math.min(y1, y2) <= boxNorth) found.push(x1, y1, x2, y2);
      }
    }
    return Float64Array.from(found);
  };

  return { contains, edgeNear, crossings, edgesIn };
}
