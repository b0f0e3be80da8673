import type { Geometry, Position } from 'geojson';
import { rewindGeometry } from '../validation/rewindGeometry';
import { roundTo } from './roundTo';

/** Where positions go on export: an optional projection, then rounding. */
export interface PositionOutput {
  /** lon/lat to the output CRS; absent keeps lon/lat. */
  project?: (longitude: number, latitude: number) => [number, number];
  /** Decimals kept of x and y (7 for degrees ≈ 1 cm, 3 for metres = 1 mm). */
  decimals: number;
}

/** Elevations are metres whatever the CRS: millimetres are enough. */
const ELEVATION_DECIMALS = 3;

/**
 * A geometry as it is exported: RFC 7946 winding (exterior rings counterclockwise, holes
 * clockwise), positions projected and rounded, and only the members GeoJSON defines (type, then
 * coordinates or geometries), in that order. A `bbox` is dropped: it would not match the rounded
 * positions. Winding is fixed in lon/lat before projecting; Gauss-Krüger keeps orientation (x
 * east, y north).
 */
export function exportGeometry(geometry: Geometry | null, output: PositionOutput): Geometry | null {
  if (!geometry) return null;
  return canonical(rewindGeometry(geometry).geometry, (position) => exportPosition(position, output));
}

function exportPosition(position: Position, output: PositionOutput): Position {
  const [longitude = Number.NaN, latitude = Number.NaN, ...rest] = position;
  const [x, y] = output.project ? output.project(longitude, latitude) : [longitude, latitude];
  const result = [roundTo(x, output.decimals), roundTo(y, output.decimals)];
  const elevation = rest[0];
  if (typeof elevation === 'number') result.push(roundTo(elevation, ELEVATION_DECIMALS));
  return result;
}

function canonical(geometry: Geometry, position: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: position(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(position) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(position) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(position)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(position)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(position))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((member) => canonical(member, position)) };
  }
}
