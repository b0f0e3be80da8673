/**
 * Boolean operations on metric polygons. turf's intersect/difference run polyclip-ts on raw
 * coordinates, so they work in local metres as well as in degrees.
 */
import { difference, featureCollection, intersect, polygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { at, polyArea, type Point, type Poly, type Ring } from './geometry';

function toPositions(ring: Ring): Position[] {
  return [...ring, at(ring, 0)].map(([x, y]) => [x, y]);
}

function toFeature(poly: Poly): Feature<Polygon> {
  return polygon(poly.map(toPositions));
}

function fromPositions(positions: Position[]): Ring {
  const ring: Ring = positions.slice(0, -1).map((p): Point => [at(p, 0), at(p, 1)]);
  return ring;
}

function fromResult(result: Feature<Polygon | MultiPolygon> | null): Poly[] {
  if (result === null) return [];
  const polys = result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
  return polys.map((rings) => rings.map(fromPositions));
}

export function intersectPolys(a: Poly, b: Poly): Poly[] {
  return fromResult(intersect(featureCollection([toFeature(a), toFeature(b)])));
}

export function subtractPolys(a: Poly, holes: readonly Poly[]): Poly[] {
  if (holes.length === 0) return [a];
  return fromResult(difference(featureCollection([toFeature(a), ...holes.map(toFeature)])));
}

export function unitePolys(polys: readonly Poly[]): Poly[] {
  if (polys.length < 2) return [...polys];
  return fromResult(union(featureCollection(polys.map(toFeature))));
}

/** The largest piece, or null when nothing is left. */
export function largestPiece(pieces: readonly Poly[]): Poly | null {
  let best: Poly | null = null;
  let bestArea = 0;
  for (const piece of pieces) {
    const area = polyArea(piece);
    if (area > bestArea) {
      best = piece;
      bestArea = area;
    }
  }
  return best;
}
