import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
// The two turf modules themselves: the @turf/turf index loads every module, seconds for a server start.
import { bboxClip } from '@turf/bbox-clip';
import { intersect } from '@turf/intersect';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { featureBounds, type Bounds } from '../measure/featureBounds';
import { lengthMeters } from '../measure/lengthMeters';
import type { DistrictExtent } from './districtExtent';

/** A feature's area (m²) or length (m), and how much of it lies outside the district boundary. */
export interface MeasureOutside {
  measure: number;
  outside: number;
}

/** About 10 m: the feature's box grown a little, so none of its edges lies on the box's. */
const CLIP_MARGIN_DEGREES = 1e-4;

const disjoint = (a: Bounds, b: Bounds): boolean => a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3];

function polygonFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry };
}

function positionsOf(geometry: Polygon | MultiPolygon): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

function areaOutside(geometry: Polygon | MultiPolygon, area: number, district: DistrictExtent): number {
  const box = featureBounds(geometry);
  if (!box || disjoint(box, district.bounds)) return area;
  // No boundary line passes through the feature's box: the feature is wholly on one side of it.
  if (!district.edges.edgeNear(box)) {
    const [lon = 0, lat = 0] = positionsOf(geometry)[0] ?? [];
    return district.edges.contains(lon, lat) ? 0 : area;
  }
  try {
    // The district cut to the feature's box first: the feature lies inside the box, so the part
    // they share is the same, and clipping against a few edges instead of the whole boundary is
    // ten times faster on the sample's layers.
    const margin = CLIP_MARGIN_DEGREES;
    const nearby = bboxClip(district.boundary, [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin]).geometry;
    if ((nearby.type !== 'Polygon' && nearby.type !== 'MultiPolygon') || nearby.coordinates.length === 0) return area;
    // The part inside by turf (polyclip-ts), measured on the ellipsoid like every other area.
    const shared = intersect({ type: 'FeatureCollection', features: [polygonFeature(geometry), polygonFeature(nearby)] });
    return Math.max(0, area - areaSquareMeters(shared?.geometry));
  } catch {
    // polyclip-ts can fail on nearly coincident edges ("Unable to complete output ring", Turfjs/turf#2890):
    // the share of vertices outside stands in for the share of area, rather than no answer at all.
    const positions = positionsOf(geometry);
    const outside = positions.filter(([lon = 0, lat = 0]) => !district.edges.contains(lon, lat)).length;
    return positions.length > 0 ? (area * outside) / positions.length : 0;
  }
}

function segmentMeters(a: Position, b: Position): number {
  return lengthMeters({ type: 'LineString', coordinates: [a, b] });
}

/** Each segment is cut where it crosses the boundary; each piece is inside or outside as its midpoint is. */
function lengthOutside(geometry: LineString | MultiLineString, district: DistrictExtent): number {
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let outside = 0;
  for (const line of lines) {
    for (let index = 1; index < line.length; index++) {
      const a = line[index - 1];
      const b = line[index];
      if (!a || !b) continue;
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      const meters = segmentMeters(a, b);
      const box: Bounds = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
      if (disjoint(box, district.bounds)) {
        outside += meters;
        continue;
      }
      const cuts = [0, ...district.edges.crossings(a, b), 1];
      for (let piece = 1; piece < cuts.length; piece++) {
        const from = cuts[piece - 1] ?? 0;
        const to = cuts[piece] ?? 1;
        const middle = (from + to) / 2;
        // Within a segment of a few kilometres the fraction along it in degrees is the fraction of its length, to well under a metre.
        if (!district.edges.contains(ax + (bx - ax) * middle, ay + (by - ay) * middle)) outside += meters * (to - from);
      }
    }
  }
  return outside;
}

/**
 * How much of a feature lies outside the district: by area for a polygon layer, by length for a
 * line layer. A geometry that does not fit the layer's kind measures 0 (the validator reports it).
 */
export function measureOutsideDistrict(geometry: Geometry | null, kind: 'area' | 'length', district: DistrictExtent): MeasureOutside {
  if (!geometry) return { measure: 0, outside: 0 };
  if (kind === 'area') {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return { measure: 0, outside: 0 };
    const measure = areaSquareMeters(geometry);
    return { measure, outside: measure > 0 ? Math.min(measure, areaOutside(geometry, measure, district)) : 0 };
  }
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') return { measure: 0, outside: 0 };
  const measure = lengthMeters(geometry);
  return { measure, outside: measure > 0 ? Math.min(measure, lengthOutside(geometry, district)) : 0 };
}
