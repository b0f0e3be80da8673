import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { SubDistrict } from '../domain/streets/streetOfShape';
import { FieldReader } from './fieldReader';

/** Where the basemap keeps the sub-district boundaries, relative to geodata/. */
export const SUB_DISTRICTS_FILE = 'basemap/streets.geojson';

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((number) => typeof number === 'number' && Number.isFinite(number));
}

function isRing(value: unknown): value is Position[] {
  return Array.isArray(value) && value.length >= 4 && value.every(isPosition);
}

function isPolygonCoordinates(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.length > 0 && value.every(isRing);
}

function boundaryOf(value: unknown): Polygon | MultiPolygon | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon' && isPolygonCoordinates(coordinates)) return { type, coordinates };
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygonCoordinates))
    return { type, coordinates };
  return undefined;
}

/**
 * The sub-districts of the basemap's boundary file (each feature's `name` and polygon). A district
 * brings its own basemap: a feature without a name or an area (a label point, a broken ring) names
 * no sub-district and is left out rather than failing the file.
 */
export function parseSubDistricts(text: string, file = SUB_DISTRICTS_FILE): SubDistrict[] {
  const read = new FieldReader(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    read.fail('', `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const features = read.array(read.object(json, '').features, '/features');
  return features.flatMap((feature) => {
    if (typeof feature !== 'object' || feature === null) return [];
    const { properties, geometry } = feature as { properties?: unknown; geometry?: unknown };
    const name = typeof properties === 'object' && properties !== null ? (properties as { name?: unknown }).name : undefined;
    const boundary = boundaryOf(geometry);
    return typeof name === 'string' && name.trim() !== '' && boundary ? [{ name: name.trim(), geometry: boundary }] : [];
  });
}
