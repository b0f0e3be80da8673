import type { Position } from 'geojson';
import type { LocalizedText } from '../plan/manifest';
import type { PlanFeatureCollection, PlanGeometry } from '../plan/planFeature';
import type { Moment } from './moment';
import { moveVertex } from './moveVertex';

/**
 * A vertex dragged to a position: the shape to draw under the pointer and, when moveVertex
 * accepts it, the moment that a release commits as one undoable edit. A refused position
 * still comes with its shape, so the user sees what crosses before letting go.
 */
export type DraggedVertex =
  | { ok: true; geometry: PlanGeometry; moment: Moment }
  | { ok: false; geometry: PlanGeometry | null; reason: LocalizedText };

export function dragVertex(collection: PlanFeatureCollection, featureId: string, path: readonly number[], lonLat: readonly [number, number]): DraggedVertex {
  const result = moveVertex(collection, featureId, path, lonLat);
  const moved = result.ok ? result.moment.putFeatures.find((feature) => feature.id === featureId)?.geometry : undefined;
  if (result.ok && moved) return { ok: true, geometry: moved, moment: result.moment };
  const reason = result.ok ? { zh: '节点未能移动', en: 'the vertex could not be moved' } : result.reason;
  const original = collection.features.find((feature) => feature.id === featureId)?.geometry ?? null;
  return { ok: false, geometry: original && withVertexAt(original, path, lonLat), reason };
}

type Nested = Position | Nested[];

/** The geometry with the vertex at `path` (and a ring's twin closing position) at `lonLat`, unchecked. */
function withVertexAt(geometry: PlanGeometry, path: readonly number[], lonLat: readonly [number, number]): PlanGeometry | null {
  if (geometry.type === 'Point') return { ...geometry, coordinates: [lonLat[0], lonLat[1], ...geometry.coordinates.slice(2)] };
  const isRing = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  const replace = (value: Nested[], depth: number): Nested[] | null => {
    const index = path[depth];
    if (index === undefined || !Array.isArray(value[index])) return null;
    const copy = value.slice();
    if (depth < path.length - 1) {
      const child = replace(value[index] as Nested[], depth + 1);
      if (!child) return null;
      copy[index] = child;
      return copy;
    }
    const old = value[index] as Position;
    if (typeof old[0] !== 'number') return null;
    const moved: Position = [lonLat[0], lonLat[1], ...old.slice(2)];
    copy[index] = moved;
    const last = value.length - 1;
    if (isRing && last > 0 && (index === 0 || index === last)) copy[index === 0 ? last : 0] = moved;
    return copy;
  };
  const coordinates = replace(geometry.coordinates as Nested[], 0);
  return coordinates ? ({ ...geometry, coordinates } as PlanGeometry) : null;
}
