import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, feature, featureCollection, intersect } from '@turf/turf';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { lengthMeters } from '../measure/lengthMeters';
import { featureBounds, type Bounds } from '../measure/featureBounds';
import { boundaryCrossesBox, boxesOverlap } from './boundaryCrossesBox';
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
  return booleanPointInPolygon(position, part.polygon);
}

/** Area of one project polygon inside one control polygon. */
function polygonInsideSquareMeters(rings: Position[][], bounds: Bounds, part: ControlPart): number {
  const polygon: Polygon = { type: 'Polygon', coordinates: rings };
  const first = rings[0]?.[0];
  if (!first) return 0;
  if (!boundaryCrossesBox(part.edges, bounds)) return inside(first, part) ? areaSquareMeters(polygon) : 0;
  const shared = intersect(featureCollection<PolygonalGeometry>([feature(polygon), feature(part.polygon)]));
  return shared ? areaSquareMeters(shared.geometry) : 0;
}

/** Where a segment a→b crosses the edges of a control polygon, as fractions along it. */
function crossingFractions(a: Position, b: Position, edges: Float64Array): number[] {
  const [ax = NaN, ay = NaN] = a;
  const dx = (b[0] ?? NaN) - ax;
  const dy = (b[1] ?? NaN) - ay;
  const fractions: number[] = [];
  for (let i = 0; i < edges.length; i += 4) {
    const cx = edges[i] ?? NaN;
    const cy = edges[i + 1] ?? NaN;
    const ex = (edges[i + 2] ?? NaN) - cx;
    const ey = (edges[i + 3] ?? NaN) - cy;
    const denominator = dx * ey - dy * ex;
    if (denominator === 0) continue;
    const t = ((cx - ax) * ey - (cy - ay) * ex) / denominator;
    const u = ((cx - ax) * dy - (cy - ay) * dx) / denominator;
    if (t > 0 && t < 1 && u >= 0 && u <= 1) fractions.push(t);
  }
  return fractions.sort((x, y) => x - y);
}

/**
 * Length of one project line inside one control polygon: each segment is cut where it crosses
 * the boundary and each piece is kept when its middle is inside.
 */
function lineInsideMeters(line: Position[], bounds: Bounds, part: ControlPart): number {
  const first = line[0];
  if (!first) return 0;
  const whole = (): number => lengthMeters({ type: 'LineString', coordinates: line });
  if (!boundaryCrossesBox(part.edges, bounds)) return inside(first, part) ? whole() : 0;
  let total = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    if (!a || !b) continue;
    const at = (t: number): Position => [(a[0] ?? NaN) + ((b[0] ?? NaN) - (a[0] ?? NaN)) * t, (a[1] ?? NaN) + ((b[1] ?? NaN) - (a[1] ?? NaN)) * t];
    const cuts = [0, ...crossingFractions(a, b, part.edges), 1];
    for (let c = 0; c + 1 < cuts.length; c++) {
      const from = cuts[c] ?? 0;
      const to = cuts[c + 1] ?? 1;
      if (to > from && inside(at((from + to) / 2), part)) total += lengthMeters({ type: 'LineString', coordinates: [at(from), at(to)] });
    }
  }
  return total;
}

/**
 * The overlap of a project (Polygon, LineString or Point, single or multi) with a control line.
 * Its polygons are taken as not overlapping one another, as a control line's areas are drawn.
 * A bounding-box test skips every control polygon that cannot touch the project, and a project
 * that no boundary passes through is decided by one point-in-polygon test.
 */
export function overlapWithControlLine(geometry: Geometry | null | undefined, shape: ControlLineShape): ControlOverlap {
  const overlap: ControlOverlap = {
    insideAreaSquareMeters: 0, insideLengthMeters: 0, insidePointCount: 0,
    areaSquareMeters: areaSquareMeters(geometry), lengthMeters: lengthMeters(geometry), pointCount: 0,
    partNames: [],
  };
  if (!geometry) return overlap;
  const projectBounds = featureBounds(geometry);
  const points = pointsOf(geometry);
  overlap.pointCount = points.length;
  if (!projectBounds) return overlap;
  const polygons = polygonsOf(geometry).map((rings) => ({ rings, bounds: featureBounds({ type: 'Polygon', coordinates: rings }) }));
  const lines = linesOf(geometry).map((line) => ({ line, bounds: featureBounds({ type: 'LineString', coordinates: line }) }));
  for (const part of shape.parts) {
    if (!boxesOverlap(part.bounds, projectBounds)) continue;
    let reached = false;
    for (const { rings, bounds } of polygons) {
      if (!bounds || !boxesOverlap(part.bounds, bounds)) continue;
      const squareMeters = polygonInsideSquareMeters(rings, bounds, part);
      overlap.insideAreaSquareMeters += squareMeters;
      reached ||= squareMeters > 0;
    }
    for (const { line, bounds } of lines) {
      if (!bounds || !boxesOverlap(part.bounds, bounds)) continue;
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
