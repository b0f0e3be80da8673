import type { LineString, Point, Polygon } from 'geojson';
import { areaSquareMeters } from '../measure/areaSquareMeters';
import { lengthMeters } from '../measure/lengthMeters';
import type { GeometryKind, LocalizedText } from '../plan/manifest';
import type { PlanGeometry } from '../plan/planFeature';
import { checkEditedGeometry } from './checkEditedGeometry';
import { groundDistanceMeters, type LonLat } from './localPlane';

/** A new polygon, line or point being drawn, point by point (a point takes one click). Plain data: a store can hold it and a test can replay it. */
export type SketchState =
  | {
      phase: 'drawing';
      kind: GeometryKind;
      points: readonly LonLat[];
      /** Why the last attempt to finish was refused; cleared by the next change. */
      problem?: LocalizedText;
    }
  | { phase: 'finished'; kind: GeometryKind; points: readonly LonLat[]; geometry: PlanGeometry }
  | { phase: 'cancelled'; kind: GeometryKind; points: readonly LonLat[] };

export type SketchEvent =
  /** A click on the map, already snapped; within `toleranceMeters` of the first or last point it finishes. */
  | { type: 'click'; position: LonLat; toleranceMeters: number }
  | { type: 'removeLast' }
  /** Enter, a double-click or the finish button. */
  | { type: 'finish' }
  /** Esc or the cancel button. */
  | { type: 'cancel' };

/** Distinct points a shape needs before it can be finished. */
export const MIN_POINTS: Readonly<Record<GeometryKind, number>> = { polygon: 3, line: 2, point: 1 };

export function startSketch(kind: GeometryKind): SketchState {
  return { phase: 'drawing', kind, points: [] };
}

/**
 * The drawing state machine, after Terra Draw's polygon and linestring modes: each click adds a
 * point; a click on the first point closes a polygon; a click on the last point (the second
 * click of a double-click included) finishes either kind rather than adding a duplicate. A
 * finish is checked by checkEditedGeometry, the engine that checks files on save; a refused
 * finish keeps every point and says why, so the user can fix the shape instead of redrawing it.
 */
export function sketchReducer(state: SketchState, event: SketchEvent): SketchState {
  if (state.phase !== 'drawing') return state;
  const { kind, points } = state;
  switch (event.type) {
    case 'cancel':
      return { phase: 'cancelled', kind, points };
    case 'removeLast':
      return { phase: 'drawing', kind, points: points.slice(0, -1) };
    case 'finish':
      return finish(kind, points);
    case 'click': {
      const position: LonLat = [event.position[0], event.position[1]];
      if (!Number.isFinite(position[0]) || !Number.isFinite(position[1])) return state;
      // A point is placed by its one click.
      if (kind === 'point') return finish(kind, [position]);
      const first = points[0];
      const last = points.at(-1);
      const near = (point: LonLat | undefined) => point !== undefined && groundDistanceMeters(point, position) <= event.toleranceMeters;
      if (kind === 'polygon' && points.length >= MIN_POINTS.polygon && near(first)) return finish(kind, points);
      if (near(last)) return points.length >= MIN_POINTS[kind] ? finish(kind, points) : state;
      return { phase: 'drawing', kind, points: [...points, position] };
    }
  }
}

function finish(kind: GeometryKind, points: readonly LonLat[]): SketchState {
  const needed = MIN_POINTS[kind];
  if (points.length < needed) {
    const problem = kind === 'point'
      ? { zh: '请在地图上单击放置点位', en: 'click the map to place the point' }
      : kind === 'polygon'
      ? { zh: `面至少需要 ${needed} 个点，现有 ${points.length} 个`, en: `a polygon needs at least ${needed} points; it has ${points.length}` }
      : { zh: `线至少需要 ${needed} 个点，现有 ${points.length} 个`, en: `a line needs at least ${needed} points; it has ${points.length}` };
    return { phase: 'drawing', kind, points, problem };
  }
  const geometry = sketchGeometry(kind, points);
  const checked = checkEditedGeometry(geometry, kind, 0);
  if (!checked.ok) return { phase: 'drawing', kind, points, problem: checked.reason };
  return { phase: 'finished', kind, points, geometry: checked.geometry };
}

/** The shape the points make so far: a closed ring for a polygon of 3 points or more, a point at the last click, else the line through them. */
export function sketchGeometry(kind: GeometryKind, points: readonly LonLat[]): Polygon | LineString | Point {
  const positions = points.map(([longitude, latitude]) => [longitude, latitude]);
  const first = positions[0];
  const last = positions.at(-1);
  if (kind === 'point' && last) return { type: 'Point', coordinates: last };
  if (kind === 'polygon' && first && positions.length >= MIN_POINTS.polygon) return { type: 'Polygon', coordinates: [[...positions, [...first]]] };
  return { type: 'LineString', coordinates: positions };
}

/** Area and length of the sketch, measured by the domain's own geodesic functions: a polygon's perimeter, a line's length. */
export function sketchMeasure(kind: GeometryKind, points: readonly LonLat[]): { areaSquareMeters: number; lengthMeters: number } {
  const geometry = sketchGeometry(kind, points);
  if (geometry.type === 'Polygon') {
    const ring: LineString = { type: 'LineString', coordinates: geometry.coordinates[0] ?? [] };
    return { areaSquareMeters: areaSquareMeters(geometry), lengthMeters: lengthMeters(ring) };
  }
  return { areaSquareMeters: 0, lengthMeters: geometry.type === 'LineString' ? lengthMeters(geometry) : 0 };
}
