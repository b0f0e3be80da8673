import type { Feature, Geometry, Polygon, Position } from 'geojson';
import type { ControlLineDefinition } from './controlLineContract';
import type { Bounds } from '../measure/featureBounds';
import { featureBounds } from '../measure/featureBounds';
import { boundaryEdgeIndex, type BoundaryEdgeIndex } from '../plausibility/boundaryEdgeIndex';

/** One polygon of a control line, with what the overlap tests read again for every project. */
export interface ControlPart {
  /** The feature's `name`: the area a project runs into (e.g. 凤鸣山生态保护红线). */
  name: string;
  polygon: Polygon;
  bounds: Bounds;
  /** Its edges by latitude band: point tests, crossings and the edges near a project read only a few of them. */
  edges: BoundaryEdgeIndex;
}

/** A control line ready for overlap tests: its definition and its polygons, each part on its own. */
export interface ControlLineShape {
  definition: ControlLineDefinition;
  parts: ControlPart[];
}

function partOf(name: string, coordinates: Position[][]): ControlPart | null {
  const polygon: Polygon = { type: 'Polygon', coordinates };
  const bounds = featureBounds(polygon);
  if (!bounds) return null;
  return { name, polygon, bounds, edges: boundaryEdgeIndex(coordinates) };
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
