import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip, booleanPointInPolygon, feature, featureCollection, intersect } from '@turf/turf';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { lengthMeters } from '../measure/lengthMeters';
import type { Bounds } from '../measure/featureBounds';
import { boxesOverlap, edgesMeetLines } from './edgesMeetLines';
import type { ControlLineShape, ControlPart } from './controlLineShape';

/**
 * How much of a project lies inside a control line's polygons. Areas and lengths are measured on
 * the ellipsoid (areaSquareMeters, lengthMeters); turf only cuts the shapes (planar in degrees,
 * which at a district's size moves an edge by less than a millimetre).
 */
export interface ControlOverlap {
  insideAreaSquareMeters: number;
  insideLengthMeters: number;
  insidePointCount: number;
  /** The whole project, the denominators of a share. */
  areaSquareMeters: number;
  lengthMeters: number;
  pointCount: number;
  /** Names of the control line's areas the project reaches into, each once. */
  partNames: string[];
}

type PolygonalGeometry = Polygon | MultiPolygon;

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonsOf);
  return [];
}

function linesOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(linesOf);
  return [];
}

function pointsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(pointsOf);
  return [];
}

function inside(position: Position, part: ControlPart): boolean {
  return part.edges.contains(position[0] ?? NaN, position[1] ?? NaN);
}

/** Whether a boundary vertex (of the edges given) lies inside a project polygon. */
function edgeVertexInside(edges: Float64Array, polygon: Polygon): boolean {
  for (let i = 0; i < edges.length; i += 4) if (booleanPointInPolygon([edges[i] ?? NaN, edges[i + 1] ?? NaN], polygon)) return true;
  return false;
}

/**
 * Area of one project polygon inside one control polygon. When the control line's boundary
 * neither crosses the project's edges nor has a vertex inside it, the project lies wholly on one
 * side and one point says which. Otherwise the control polygon is first cut to the project's box,
 * so the overlay works on a few edges instead of a whole boundary.
 */
function polygonInsideSquareMeters(rings: Position[][], bounds: Bounds, part: ControlPart): number {
  const polygon: Polygon = { type: 'Polygon', coordinates: rings };
  const first = rings[0]?.[0];
  if (!first) return 0;
  const near = part.edges.edgesIn(bounds);
  if (near.length === 0 || (!edgesMeetLines(near, rings) && !edgeVertexInside(near, polygon)))
    return inside(first, part) ? areaSquareMeters(polygon) : 0;
  const clipped = bboxClip(part.polygon, bounds).geometry;
  if (clipped.type !== 'Polygon' && clipped.type !== 'MultiPolygon') return 0;
  if (clipped.coordinates.length === 0) return 0;
  const shared = intersect(featureCollection<PolygonalGeometry>([feature(polygon), feature(clipped)]));
  return shared ? areaSquareMeters(shared.geometry) : 0;
}

/**
 * Length of one project line inside one control polygon: each segment is cut where it crosses
 * the boundary and each piece is kept when its middle is inside.
 */
function lineInsideMeters(line: Position[], bounds: Bounds, part: ControlPart): number {
  const first = line[0];
  if (!first) return 0;
  const whole = (): number => lengthMeters({ type: 'LineString', coordinates: line });
  const near = part.edges.edgesIn(bounds);
  if (near.length === 0 || !edgesMeetLines(near, [line])) return inside(first, part) ? whole() : 0;
  let total = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    if (!a || !b) continue;
    const at = (t: number): Position => [(a[0] ?? NaN) + ((b[0] ?? NaN) - (a[0] ?? NaN)) * t, (a[1] ?? NaN) + ((b[1] ?? NaN) - (a[1] ?? NaN)) * t];
    const cuts = [0, ...part.edges.crossings(a, b), 1];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const from = cuts[c] ?? 0;
      const to = cuts[c + 1] ?? 1;
      if (to > from && inside(at((from + to) / 2), part)) total += lengthMeters({ type: 'LineString', coordinates: [at(from), at(to)] });
    }
  }
  return total;
}

/** A project taken apart once for every control line it is checked against. */
export interface ProjectPieces {
  polygons: { rings: Position[][]; bounds: Bounds }[];
  lines: { line: Position[]; bounds: Bounds }[];
  points: Position[];
  /** Null for a project without positions. */
  bounds: Bounds | null;
  areaSquareMeters: number;
  lengthMeters: number;
}

/** The box of lists of positions; null when there are none. */
function boundsOfLists(lists: readonly Position[][]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const list of lists)
    for (const [x = NaN, y = NaN] of list) {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  return west <= east && south <= north ? [west, south, east, north] : null;
}

export function projectPieces(geometry: Geometry | null | undefined): ProjectPieces {
  const polygons = geometry ? polygonsOf(geometry).flatMap((rings) => { const bounds = boundsOfLists(rings); return bounds ? [{ rings, bounds }] : []; }) : [];
  const lines = geometry ? linesOf(geometry).flatMap((line) => { const bounds = boundsOfLists([line]); return bounds ? [{ line, bounds }] : []; }) : [];
  const points = geometry ? pointsOf(geometry) : [];
  const bounds = boundsOfLists([...polygons.map(({ bounds: [w, s, e, n] }) => [[w, s], [e, n]]), ...lines.map(({ bounds: [w, s, e, n] }) => [[w, s], [e, n]]), points]);
  return { polygons, lines, points, bounds, areaSquareMeters: areaSquareMeters(geometry), lengthMeters: lengthMeters(geometry) };
}

/**
 * The overlap of a project (Polygon, LineString or Point, single or multi; or its pieces, taken
 * apart once) with a control line. Its polygons are taken as not overlapping one another, as a
 * control line's areas are drawn. A bounding-box test skips every control polygon that cannot
 * touch the project, and a project that no boundary passes through is decided by one
 * point-in-polygon test.
 */
export function overlapWithControlLine(project: Geometry | null | undefined | ProjectPieces, shape: ControlLineShape): ControlOverlap {
  const pieces = project && 'polygons' in project ? project : projectPieces(project);
  const { polygons, lines, points, bounds: projectBounds } = pieces;
  const overlap: ControlOverlap = {
    insideAreaSquareMeters: 0, insideLengthMeters: 0, insidePointCount: 0,
    areaSquareMeters: pieces.areaSquareMeters, lengthMeters: pieces.lengthMeters, pointCount: points.length,
    partNames: [],
  };
  if (!projectBounds) return overlap;
  for (const part of shape.parts) {
    if (!boxesOverlap(part.bounds, projectBounds)) continue;
    let reached = false;
    for (const { rings, bounds } of polygons) {
      if (!boxesOverlap(part.bounds, bounds)) continue;
      const squareMeters = polygonInsideSquareMeters(rings, bounds, part);
      overlap.insideAreaSquareMeters += squareMeters;
      reached ||= squareMeters > 0;
    }
    for (const { line, bounds } of lines) {
      if (!boxesOverlap(part.bounds, bounds)) continue;
      const meters = lineInsideMeters(line, bounds, part);
      overlap.insideLengthMeters += meters;
      reached ||= meters > 0;
    }
    for (const point of points) {
      if (inside(point, part)) {
        overlap.insidePointCount += 1;
        reached = true;
      }
    }
    if (reached && !overlap.partNames.includes(part.name)) overlap.partNames.push(part.name);
  }
  return overlap;
}
