import type { Feature, Geometry, Polygon, Position } from 'geojson';
import type { ControlLineDefinition } from './controlLineContract';
import type { Bounds } from '../measure/featureBounds';
import { featureBounds } from '../measure/featureBounds';
import { edgeGrid, type EdgeGrid } from './edgeGrid';

/** One polygon of a control line, with what the overlap tests read again for every project. */
export interface ControlPart {
  /** The feature's `name`: the area a project runs into (e.g. 凤鸣山生态保护红线). */
  name: string;
  polygon: Polygon;
  bounds: Bounds;
  /** Every ring edge as x1, y1, x2, y2 in degrees, so the "does the boundary pass here" test is a flat loop. */
  edges: Float64Array;
  /** Where each edge lies, so a project reads only the edges near it. */
  grid: EdgeGrid;
}

/** A control line ready for overlap tests: its definition and its polygons, each part on its own. */
export interface ControlLineShape {
  definition: ControlLineDefinition;
  parts: ControlPart[];
}

function ringEdges(rings: readonly Position[][], into: number[]): void {
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (a && b) into.push(a[0] ?? NaN, a[1] ?? NaN, b[0] ?? NaN, b[1] ?? NaN);
    }
}

function partOf(name: string, coordinates: Position[][]): ControlPart | null {
  const polygon: Polygon = { type: 'Polygon', coordinates };
  const bounds = featureBounds(polygon);
  if (!bounds) return null;
  const edges: number[] = [];
  ringEdges(coordinates, edges);
  const edgeArray = Float64Array.from(edges);
  return { name, polygon, bounds, edges: edgeArray, grid: edgeGrid(edgeArray, bounds) };
}

/**
 * Splits each Polygon/MultiPolygon feature of a control-line file into its polygons. Other
 * geometries are skipped: a control line is an area (check-data reports anything else).
 */
export function controlLineShape(definition: ControlLineDefinition, features: readonly Feature<Geometry | null>[]): ControlLineShape {
  const parts: ControlPart[] = [];
  for (const feature of features) {
    const geometry = feature.geometry;
    const name = typeof feature.properties?.name === 'string' ? feature.properties.name : '';
    const polygons = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
    for (const coordinates of polygons) {
      const part = partOf(name, coordinates);
      if (part) parts.push(part);
    }
  }
  return { definition, parts };
}
