import type { Position } from 'geojson';
import type { PlanGeometry } from '../plan/planFeature';

export interface VertexHandle {
  /** moveVertex's path to the vertex. */
  path: number[];
  position: [number, number];
}

/**
 * The vertices a user can drag, one handle each: a ring's closing position is the same vertex as
 * its first, so it gets no handle of its own (moveVertex moves both).
 */
export function vertexHandles(geometry: PlanGeometry | null): VertexHandle[] {
  if (!geometry) return [];
  const handles: VertexHandle[] = [];
  const add = (line: Position[], linePath: number[], isRing: boolean) => {
    const count = isRing && line.length > 1 ? line.length - 1 : line.length;
    for (let vertex = 0; vertex < count; vertex++) {
      const [longitude, latitude] = line[vertex] ?? [];
      if (typeof longitude === 'number' && typeof latitude === 'number') handles.push({ path: [...linePath, vertex], position: [longitude, latitude] });
    }
  };
  switch (geometry.type) {
    case 'Point':
      // A point is its own one vertex: moving it moves the feature.
      add([geometry.coordinates], [], false);
      return handles.map((handle) => ({ ...handle, path: [] }));
    case 'MultiPoint':
      add(geometry.coordinates, [], false);
      break;
    case 'LineString':
      add(geometry.coordinates, [], false);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach((line, index) => add(line, [index], false));
      break;
    case 'Polygon':
      geometry.coordinates.forEach((ring, index) => add(ring, [index], true));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon, part) => polygon.forEach((ring, index) => add(ring, [part, index], true)));
      break;
  }
  return handles;
}
