import { booleanPointInPolygon, featureCollection, intersect, lineSplit, lineString, multiPolygon, polygon } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { featureBounds, type Bounds } from '../measure/featureBounds';
import { lengthMeters } from '../measure/lengthMeters';
import type { PlanGeometry } from '../plan/planFeature';

/** One sub-district (街道) of the basemap: its name, as plan features store it, and its boundary. */
export interface SubDistrict {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** The sub-district holding the largest part of a shape, and that part as a share of the shape (0–1]. */
export interface StreetOfShape {
  street: string;
  shareOfShape: number;
}

/**
 * The sub-district a new project belongs to: the one whose boundary holds most of its area (a
 * polygon), most of its length (a line) or most of its points (a point or points), measured on the ellipsoid like every other area and
 * length. Undefined when no part of the shape lies in any sub-district.
 */
export function streetOfShape(geometry: PlanGeometry, subDistricts: readonly SubDistrict[]): StreetOfShape | undefined {
  const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const points = geometry.type === 'Point' || geometry.type === 'MultiPoint' ? pointsOf(geometry) : undefined;
  const whole = points ? points.length : polygonal ? areaSquareMeters(geometry) : lengthMeters(geometry);
  if (!(whole > 0)) return undefined;
  const shapeBox = featureBounds(geometry);
  let best: StreetOfShape | undefined;
  for (const subDistrict of subDistricts) {
    if (!boxesOverlap(shapeBox, featureBounds(subDistrict.geometry))) continue;
    const inside = points
      ? points.filter((point) => booleanPointInPolygon(point, subDistrict.geometry)).length
      : polygonal ? areaInside(geometry, subDistrict.geometry) : lengthInside(geometry as LineString | MultiLineString, subDistrict.geometry);
    const shareOfShape = Math.min(1, inside / whole);
    if (shareOfShape > 0 && (!best || shareOfShape > best.shareOfShape)) best = { street: subDistrict.name, shareOfShape };
  }
  return best;
}

function pointsOf(geometry: Point | MultiPoint): Position[] {
  return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
}

function areaInside(shape: Polygon | MultiPolygon, boundary: Polygon | MultiPolygon): number {
  const shared = intersect(featureCollection<Polygon | MultiPolygon>([asFeature(shape), asFeature(boundary)]));
  return shared ? areaSquareMeters(shared.geometry) : 0;
}

/** Each line cut where it crosses the boundary; a piece is inside when a point along it is. */
function lengthInside(shape: LineString | MultiLineString, boundary: Polygon | MultiPolygon): number {
  const lines = shape.type === 'LineString' ? [shape.coordinates] : shape.coordinates;
  const area = asFeature(boundary);
  let total = 0;
  for (const coordinates of lines) {
    if (coordinates.length < 2) continue;
    const line = lineString(coordinates);
    const pieces = lineSplit(line, area).features;
    for (const piece of pieces.length > 0 ? pieces : [line]) {
      const probe = pointWithin(piece.geometry.coordinates);
      if (probe && booleanPointInPolygon(probe, area)) total += lengthMeters(piece.geometry);
    }
  }
  return total;
}

/** The middle of a piece's middle segment: off its ends, which lie on the boundary it was cut at. */
function pointWithin(coordinates: Position[]): Position | undefined {
  const at = Math.floor((coordinates.length - 2) / 2);
  const from = coordinates[at];
  const to = coordinates[at + 1];
  if (!from || !to) return undefined;
  return [((from[0] ?? 0) + (to[0] ?? 0)) / 2, ((from[1] ?? 0) + (to[1] ?? 0)) / 2];
}

function asFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return geometry.type === 'Polygon' ? polygon(geometry.coordinates) : multiPolygon(geometry.coordinates);
}

function boxesOverlap(a: Bounds | null, b: Bounds | null): boolean {
  return a !== null && b !== null && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
