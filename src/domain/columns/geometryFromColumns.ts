import type { Position } from 'geojson';
import type { GeometryColumns } from './geometryColumns';
import type { PlanGeometry } from '../plan/planFeature';

/**
 * A feature's geometry rebuilt from a layer's flattened columns, to about a centimetre (the
 * columns' single-precision offsets): the map outlines a selected project with it before the
 * project's own GeoJSON has arrived. Null when the feature has no parts.
 */
export function geometryFromColumns(columns: GeometryColumns, featureIndex: number): PlanGeometry | null {
  const { partCount, partFeature, partStart, ringStart, positions, origin } = columns;
  const parts: Position[][][] = [];
  let ring = 0;
  for (let part = 0; part < partCount; part++) {
    const start = partStart[part] ?? 0;
    const end = partStart[part + 1] ?? 0;
    while ((ringStart[ring] ?? Infinity) < start) ring++;
    if (partFeature[part] !== featureIndex) continue;
    const rings: Position[][] = [];
    for (let at = ring; (ringStart[at] ?? Infinity) < end; at++) {
      const ringEnd = Math.min(end, ringStart[at + 1] ?? end);
      const coordinates: Position[] = [];
      for (let vertex = ringStart[at] ?? 0; vertex < ringEnd; vertex++) {
        coordinates.push([(positions[2 * vertex] ?? 0) + origin[0], (positions[2 * vertex + 1] ?? 0) + origin[1]]);
      }
      rings.push(coordinates);
    }
    parts.push(rings);
  }
  if (parts.length === 0) return null;
  if (columns.kind === 'point') {
    const points = parts.map((rings) => rings[0]?.[0] ?? []);
    return points.length === 1 ? { type: 'Point', coordinates: points[0] ?? [] } : { type: 'MultiPoint', coordinates: points };
  }
  if (columns.kind === 'line') {
    const lines = parts.map((rings) => rings[0] ?? []);
    return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] ?? [] } : { type: 'MultiLineString', coordinates: lines };
  }
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] ?? [] } : { type: 'MultiPolygon', coordinates: parts };
}
