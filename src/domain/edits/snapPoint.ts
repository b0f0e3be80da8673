import { metersPerPixel } from '../measure/mapScale';
import { localPlane, type LonLat } from './localPlane';
import { segmentsNear, type SnapIndex, type SnapSegment } from './snapIndex';

/** Where a pointer snapped: a neighbour's vertex, a point on its edge, or nowhere (the pointer itself). */
export type SnapResult =
  | {
      kind: 'vertex';
      /** The neighbour's own coordinates, unchanged, so shared corners are identical in the file. */
      position: [number, number];
      layerId: string;
      featureId: string;
      /** moveVertex's path to that vertex (a ring's closing position is reported as its first). */
      path: number[];
      distanceMeters: number;
    }
  | {
      kind: 'edge';
      position: [number, number];
      layerId: string;
      featureId: string;
      /** Path to the edge's first vertex; the edge runs to the next one. */
      path: number[];
      distanceMeters: number;
    }
  | { kind: 'none'; position: [number, number] };

export interface SnapOptions {
  /** The feature being edited: it does not snap to itself. */
  excludeFeature?: { layerId: string; featureId: string };
}

/** A tolerance given in screen pixels, as ground metres at this latitude and zoom. */
export function snapToleranceMeters(pixels: number, latitudeDegrees: number, zoom: number): number {
  return pixels * metersPerPixel(latitudeDegrees, zoom);
}

/**
 * Snaps a pointer to the features around it (Terra Draw's snapping, as data): the nearest vertex
 * within `toleranceMeters` wins even over a nearer edge, since corners are what neighbouring
 * parcels share; else the nearest point on an edge; else nothing. Only the segments in the
 * pointer's grid cells are measured, so thousands of features cost a few dozen distances.
 */
export function snapPoint(pointer: LonLat, toleranceMeters: number, indexes: readonly SnapIndex[], options: SnapOptions = {}): SnapResult {
  const none: SnapResult = { kind: 'none', position: [pointer[0], pointer[1]] };
  if (!(toleranceMeters > 0) || !Number.isFinite(pointer[0]) || !Number.isFinite(pointer[1])) return none;
  const plane = localPlane(pointer);
  const { longitudeDegrees, latitudeDegrees } = plane.degreesFor(toleranceMeters);
  let vertex: Extract<SnapResult, { kind: 'vertex' }> | undefined;
  let edge: Extract<SnapResult, { kind: 'edge' }> | undefined;
  for (const index of indexes) {
    const excluded = options.excludeFeature?.layerId === index.layerId ? options.excludeFeature.featureId : undefined;
    for (const segment of segmentsNear(index, pointer, longitudeDegrees, latitudeDegrees)) {
      if (segment.featureId === excluded) continue;
      const a = plane.toMeters(segment.a);
      const b = plane.toMeters(segment.b);
      for (const [end, offset] of [[a, 0], [b, 1]] as const) {
        const distanceMeters = Math.hypot(end[0], end[1]);
        if (distanceMeters > toleranceMeters || (vertex && vertex.distanceMeters <= distanceMeters)) continue;
        const position = offset === 0 ? segment.a : segment.b;
        vertex = { kind: 'vertex', position: [position[0] ?? 0, position[1] ?? 0], layerId: index.layerId, featureId: segment.featureId, path: vertexPath(segment, segment.vertex + offset), distanceMeters };
      }
      if (vertex) continue;
      const nearest = nearestOnSegment(a, b);
      const distanceMeters = Math.hypot(nearest[0], nearest[1]);
      if (distanceMeters > toleranceMeters || (edge && edge.distanceMeters <= distanceMeters)) continue;
      edge = { kind: 'edge', position: plane.toLonLat(nearest), layerId: index.layerId, featureId: segment.featureId, path: vertexPath(segment, segment.vertex), distanceMeters };
    }
  }
  return vertex ?? edge ?? none;
}

function vertexPath(segment: SnapSegment, vertex: number): number[] {
  const closing = segment.isRing && vertex === segment.lineLength - 1;
  return [...segment.linePath, closing ? 0 : vertex];
}

/** The point of segment a–b nearest the origin (the pointer), in the plane's metres. */
function nearestOnSegment(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, -(a[0] * dx + a[1] * dy) / lengthSquared));
  return [a[0] + t * dx, a[1] + t * dy];
}
