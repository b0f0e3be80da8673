import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';
import type { Element } from '@xmldom/xmldom';
import { childElements, childText, firstChild } from './kmlElements';

/*
 * KML geometry (OGC 07-147r2, §10) to GeoJSON. <coordinates> is a whitespace-separated list of
 * "lon,lat[,alt]" tuples in WGS 84 degrees (§16.9), the axis order GeoJSON uses, so positions
 * are copied as written, altitude included. Polygon rings are <outerBoundaryIs> and any number
 * of <innerBoundaryIs>, each a <LinearRing>.
 */

export type KmlGeometryResult = { ok: true; geometry: Geometry | null; skipped: string[] } | { ok: false; reason: string };

class CoordinatesError extends Error {}

function parseCoordinates(text: string): Position[] {
  // Some writers put spaces after the commas ("102.7, 25.0"); a tuple never contains whitespace otherwise.
  const tuples = text.trim().replace(/\s*,\s*/g, ',').split(/\s+/).filter((tuple) => tuple !== '');
  return tuples.map((tuple) => {
    const numbers = tuple.split(',').map((part) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(part) ? Number(part) : Number.NaN));
    if ((numbers.length !== 2 && numbers.length !== 3) || numbers.some((value) => !Number.isFinite(value))) throw new CoordinatesError(tuple.slice(0, 60));
    return numbers;
  });
}

const coordinatesOf = (element: Element | undefined): Position[] => (element ? parseCoordinates(childText(element, 'coordinates') ?? '') : []);

function polygon(element: Element): Polygon | null {
  const outer = coordinatesOf(firstChild(firstChild(element, 'outerBoundaryIs') ?? element, 'LinearRing'));
  if (outer.length === 0) return null;
  const inner = childElements(element, 'innerBoundaryIs').flatMap((boundary) => childElements(boundary, 'LinearRing').map((ring) => coordinatesOf(ring)));
  return { type: 'Polygon', coordinates: [outer, ...inner.filter((ring) => ring.length > 0)] };
}

/** The geometries of one element, MultiGeometry flattened; unsupported kinds named in `skipped`. */
function collect(element: Element, geometries: Geometry[], skipped: string[]): void {
  switch (element.localName) {
    case 'Point': {
      const [position] = coordinatesOf(element);
      if (position) geometries.push({ type: 'Point', coordinates: position });
      return;
    }
    case 'LineString':
    case 'LinearRing': {
      // A LinearRing on its own is a closed line (§10.5), not an area.
      const positions = coordinatesOf(element);
      if (positions.length > 0) geometries.push({ type: 'LineString', coordinates: positions });
      return;
    }
    case 'Polygon': {
      const shape = polygon(element);
      if (shape) geometries.push(shape);
      return;
    }
    case 'MultiGeometry':
      for (const child of childElements(element)) collect(child, geometries, skipped);
      return;
    default:
      skipped.push(element.localName ?? element.nodeName);
  }
}

/** One GeoJSON geometry from the parts: a single one, a Multi* of one kind, or a GeometryCollection. */
function combine(parts: Geometry[]): Geometry | null {
  const [first] = parts;
  if (!first) return null;
  if (parts.length === 1) return first;
  if (parts.every((part): part is Point => part.type === 'Point')) return { type: 'MultiPoint', coordinates: parts.map((part) => part.coordinates) };
  if (parts.every((part): part is LineString => part.type === 'LineString')) return { type: 'MultiLineString', coordinates: parts.map((part) => part.coordinates) };
  if (parts.every((part): part is Polygon => part.type === 'Polygon')) return { type: 'MultiPolygon', coordinates: parts.map((part) => part.coordinates) };
  return { type: 'GeometryCollection', geometries: parts };
}

const GEOMETRY_ELEMENTS = new Set(['Point', 'LineString', 'LinearRing', 'Polygon', 'MultiGeometry', 'Model', 'Track', 'MultiTrack']);

/** The geometry of a Placemark, null when it has none. */
export function kmlPlacemarkGeometry(placemark: Element): KmlGeometryResult {
  const geometries: Geometry[] = [];
  const skipped: string[] = [];
  try {
    for (const child of childElements(placemark)) if (GEOMETRY_ELEMENTS.has(child.localName ?? '')) collect(child, geometries, skipped);
  } catch (error) {
    if (error instanceof CoordinatesError) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, geometry: combine(geometries), skipped };
}
