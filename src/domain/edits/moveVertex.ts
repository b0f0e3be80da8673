import type { Position } from 'geojson';
import type { PlanFeatureCollection, PlanGeometry } from '../plan/planFeature';
import { COORDINATE_ARRAY_LEVELS } from '../validation/geoJsonTypes';
import { checkEditedGeometry, geometryKindOf } from './checkEditedGeometry';
import { accepted, featureNotFound, findFeature, rejected, type EditResult } from './editResult';

/**
 * Moves one vertex to `lonLat`. `path` indexes down the coordinates to the vertex: [vertex] for
 * a LineString, [line, vertex] for a MultiLineString, [ring, vertex] for a Polygon,
 * [polygon, ring, vertex] for a MultiPolygon, [] for a Point and [point] for a MultiPoint. Moving the first or last position of a ring
 * moves both, so the ring stays closed (RFC 7946 §3.1.6; geojson.io #468 lost edits over an
 * open ring). A move that makes the shape invalid (a self-crossing ring) is refused, as
 * Terra Draw's validation refuses it at the end of a drag.
 */
export function moveVertex(
  collection: PlanFeatureCollection,
  featureId: string,
  path: readonly number[],
  lonLat: readonly [number, number],
): EditResult {
  const found = findFeature(collection, featureId);
  if (!found) return featureNotFound(featureId);
  const { feature, index } = found;
  const geometry = feature.geometry;
  if (!geometry) return rejected('该要素没有几何，无法移动节点', 'the feature has no geometry, so it has no vertex to move');
  const [lon, lat] = lonLat;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return rejected('新位置不是有效坐标', 'the new position is not a valid coordinate');
  const depth = COORDINATE_ARRAY_LEVELS[geometry.type] ?? 0;
  const badPath = rejected(`节点路径 [${path.join(', ')}] 不在该要素的 ${geometry.type} 中`, `vertex path [${path.join(', ')}] is not in the feature's ${geometry.type}`);
  if (path.length !== depth) return badPath;

  // A Point is its own vertex (path []); a MultiPoint's points are a list of vertices (path [point]).
  const coordinates = geometry.type === 'Point' ? [lon, lat, ...geometry.coordinates.slice(2)] : replaceAt(geometry.coordinates, path, (ring, vertex) => {
    const old = ring[vertex];
    if (!old) return undefined;
    const moved: Position = [lon, lat, ...old.slice(2)];
    const copy = ring.slice();
    copy[vertex] = moved;
    const isRing = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    const last = ring.length - 1;
    if (isRing && last > 0 && (vertex === 0 || vertex === last)) copy[vertex === 0 ? last : 0] = moved;
    return copy;
  });
  if (!coordinates) return badPath;
  const edited = { ...geometry, coordinates } as PlanGeometry;
  const checked = checkEditedGeometry(edited, geometryKindOf(geometry), index, feature);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  return accepted({ putFeatures: [{ ...feature, geometry: checked.geometry }], deleteFeatureIds: [], note: 'move-vertex' });
}

type Nested = Position[] | Nested[];

/** Copies only the arrays on the path down to the vertex's line or ring; the rest is shared. */
function replaceAt(value: Nested, path: readonly number[], edit: (ring: Position[], vertex: number) => Position[] | undefined): Nested | undefined {
  const [head, ...rest] = path;
  if (head === undefined || !Number.isInteger(head) || head < 0 || head >= value.length) return undefined;
  if (rest.length === 0) return isPositions(value) ? edit(value, head) : undefined;
  const child = value[head];
  if (!Array.isArray(child) || isPosition(child)) return undefined;
  const replaced = replaceAt(child as Nested, rest, edit);
  if (!replaced) return undefined;
  const copy = value.slice() as Nested[];
  copy[head] = replaced;
  return copy;
}

function isPosition(value: unknown[]): boolean {
  return typeof value[0] === 'number';
}

function isPositions(value: Nested): value is Position[] {
  return value.every((item) => Array.isArray(item) && isPosition(item));
}
