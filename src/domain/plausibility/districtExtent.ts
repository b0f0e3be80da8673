import type { MultiPolygon, Polygon, Position } from 'geojson';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { featureBounds, type Bounds } from '../measure/featureBounds';
import { lengthMeters } from '../measure/lengthMeters';
import { boundaryEdgeIndex, type BoundaryEdgeIndex } from './boundaryEdgeIndex';
import { isRecord } from '../isRecord';

/** The district as the plausibility check measures against it. */
export interface DistrictExtent {
  boundary: Polygon | MultiPolygon;
  areaSquareMeters: number;
  /** The length of every ring of the boundary. */
  perimeterMeters: number;
  bounds: Bounds;
  /**
   * 'boundary': the district polygon of geodata/basemap/district.geojson; 'bounds': the
   * manifest's district.bounds as a rectangle, used when there is no boundary file.
   */
  source: 'boundary' | 'bounds';
  edges: BoundaryEdgeIndex;
}

function ringsOf(boundary: Polygon | MultiPolygon): Position[][] {
  return boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();
}

export function districtExtentOf(boundary: Polygon | MultiPolygon, source: DistrictExtent['source'] = 'boundary'): DistrictExtent {
  const rings = ringsOf(boundary);
  return {
    boundary,
    areaSquareMeters: areaSquareMeters(boundary),
    perimeterMeters: lengthMeters({ type: 'MultiLineString', coordinates: rings }),
    bounds: featureBounds(boundary) ?? [0, 0, 0, 0],
    source,
    edges: boundaryEdgeIndex(rings),
  };
}

export function districtExtentOfBounds([west, south, east, north]: Bounds): DistrictExtent {
  const ring = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return districtExtentOf({ type: 'Polygon', coordinates: [ring] }, 'bounds');
}


const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);

const isRing = (value: unknown): value is Position[] => Array.isArray(value) && value.length >= 4 && value.every(isPosition);

const isPolygonRings = (value: unknown): value is Position[][] => Array.isArray(value) && value.length > 0 && value.every(isRing);

/**
 * The district's polygon in the basemap's district.geojson (untrusted JSON read from disk or
 * over HTTP): its polygonal features as one geometry, or undefined when it holds none.
 */
export function districtBoundaryIn(collection: unknown): Polygon | MultiPolygon | undefined {
  if (!isRecord(collection) || !Array.isArray(collection.features)) return undefined;
  const parts: Position[][][] = [];
  for (const feature of collection.features) {
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    if (!isRecord(geometry)) continue;
    if (geometry.type === 'Polygon' && isPolygonRings(geometry.coordinates)) parts.push(geometry.coordinates);
    else if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.every(isPolygonRings))
      parts.push(...(geometry.coordinates as Position[][][]));
  }
  if (parts.length === 0) return undefined;
  const [only] = parts;
  return parts.length === 1 && only ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: parts };
}
