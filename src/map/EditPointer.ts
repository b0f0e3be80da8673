import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import type { GeometryKind } from '../domain/plan/manifest';
import type { PlanGeometry } from '../domain/plan/planFeature';
import type { DraggedVertex } from '../domain/edits/dragVertex';
import type { LonLat } from '../domain/edits/localPlane';
import { snapToleranceMeters, type SnapResult } from '../domain/edits/snapPoint';
import type { VertexHandle } from '../domain/edits/vertexHandles';
import { editOverlayLayers, type EditOverlayState } from './editOverlayLayers';

/** What the map is being used for: browsing, drawing a new shape, or reshaping one feature. */
export type EditMode =
  | { kind: 'idle' }
  | { kind: 'draw'; sketchKind: GeometryKind; points: readonly LonLat[]; refused: boolean }
  /** A finished shape shown while its attributes are entered. */
  | { kind: 'preview'; geometry: PlanGeometry }
  | {
      kind: 'vertices';
      layerId: string;
      featureId: string;
      handles: readonly VertexHandle[];
      /** The shape with a handle moved there (dragVertex on the working copy). */
      drag: (path: readonly number[], position: LonLat) => DraggedVertex;
    };

export interface EditPointerEvents {
  /** Snaps a position to the features the app holds (snapPoint over its indexes). */
  snap: (position: LonLat, toleranceMeters: number, exclude?: { layerId: string; featureId: string }) => SnapResult;
  onDrawClick: (position: LonLat, toleranceMeters: number) => void;
  onDrawFinish: () => void;
  /** A released drag: commit the move as one edit. */
  onVertexMoved: (path: readonly number[], position: LonLat) => void;
}

/** The part of PlanMapController the overlay needs. */
export interface EditOverlayHost {
  readonly map: MapLibreMap;
  setEditLayers(layers: Layer[]): void;
}

/** How far from the pointer a neighbour's vertex or edge is snapped to, in CSS pixels. */
export const SNAP_PIXELS = 10;
/** How close to a handle a press must land to grab it. */
const HANDLE_HIT_PIXELS = 9;

/**
 * Pointer handling for drawing and vertex dragging, on MapLibre's events (deck.gl's interleaved
 * event path drops the first click). It keeps only transient state, the pointer and a drag in
 * progress, and redraws the overlay at most once a frame; clicks, finishes and released drags
 * go to the app, which owns the sketch and the edits.
 */
export class EditPointer {
  private mode: EditMode = { kind: 'idle' };
  private pointer: SnapResult | null = null;
  private hoveredHandle: VertexHandle | null = null;
  private drag: { handle: VertexHandle; result: DraggedVertex | null; position: LonLat | null } | null = null;
  /** The last press belonged to editing: the click that follows must not select a feature. */
  private pressCaptured = false;
  private frame = 0;
  private readonly container: HTMLElement;

  constructor(private readonly host: EditOverlayHost, private readonly events: EditPointerEvents) {
    const { map } = host;
    this.container = map.getCanvasContainer();
    map.on('mousemove', this.onMove);
    map.on('mousedown', this.onDown);
    map.on('click', this.onClick);
    map.on('dblclick', this.onDoubleClick);
    window.addEventListener('mouseup', this.onUp);
  }

  setMode(mode: EditMode): void {
    const drawing = mode.kind === 'draw';
    if (this.mode.kind !== mode.kind) {
      this.pointer = null;
      this.hoveredHandle = null;
      this.endDrag(false);
    }
    this.mode = mode;
    this.container.classList.toggle('edit-drawing', drawing);
    // A double-click finishes a sketch; it must not zoom the map as well.
    if (drawing) this.host.map.doubleClickZoom.disable();
    else this.host.map.doubleClickZoom.enable();
    this.scheduleRender();
  }

  /**
   * True when the last press drew or grabbed a handle, or a finished sketch awaits its attributes:
   * the map's own click handling (selecting a feature) should ignore it.
   */
  capturesClick(): boolean {
    return this.pressCaptured || this.mode.kind === 'draw' || this.mode.kind === 'preview';
  }

  destroy(): void {
    const { map } = this.host;
    map.off('mousemove', this.onMove);
    map.off('mousedown', this.onDown);
    map.off('click', this.onClick);
    map.off('dblclick', this.onDoubleClick);
    window.removeEventListener('mouseup', this.onUp);
    cancelAnimationFrame(this.frame);
    this.endDrag(false);
    this.container.classList.remove('edit-drawing', 'edit-over-handle');
    this.host.setEditLayers([]);
  }

  private toleranceMeters(position: LonLat): number {
    return snapToleranceMeters(SNAP_PIXELS, position[1], this.host.map.getZoom());
  }

  private snapped(event: MapMouseEvent, exclude?: { layerId: string; featureId: string }): SnapResult {
    const position: LonLat = [event.lngLat.lng, event.lngLat.lat];
    return this.events.snap(position, this.toleranceMeters(position), exclude);
  }

  private handleAt(point: { x: number; y: number }): VertexHandle | null {
    if (this.mode.kind !== 'vertices') return null;
    let best: VertexHandle | null = null;
    let bestDistance = HANDLE_HIT_PIXELS;
    for (const handle of this.mode.handles) {
      const projected = this.host.map.project([handle.position[0], handle.position[1]]);
      const distance = Math.hypot(projected.x - point.x, projected.y - point.y);
      if (distance <= bestDistance) {
        best = handle;
        bestDistance = distance;
      }
    }
    return best;
  }

  private readonly onMove = (event: MapMouseEvent): void => {
    const mode = this.mode;
    if (this.drag && mode.kind === 'vertices') {
      const snap = this.snapped(event, { layerId: mode.layerId, featureId: mode.featureId });
      this.pointer = snap;
      this.drag.position = snap.position;
      this.drag.result = mode.drag(this.drag.handle.path, snap.position);
    } else if (mode.kind === 'draw') {
      this.pointer = this.snapped(event);
    } else if (mode.kind === 'vertices') {
      const hovered = this.handleAt(event.point);
      if (hovered === this.hoveredHandle) return;
      this.hoveredHandle = hovered;
      this.container.classList.toggle('edit-over-handle', hovered !== null);
    } else return;
    this.scheduleRender();
  };

  private readonly onDown = (event: MapMouseEvent): void => {
    this.pressCaptured = this.mode.kind === 'draw';
    if (event.originalEvent.button !== 0 || this.mode.kind !== 'vertices') return;
    const handle = this.handleAt(event.point);
    if (!handle) return;
    this.pressCaptured = true;
    event.preventDefault();
    this.host.map.dragPan.disable();
    this.drag = { handle, result: null, position: null };
    this.hoveredHandle = handle;
    this.scheduleRender();
  };

  private readonly onUp = (): void => {
    if (this.drag) this.endDrag(true);
  };

  private endDrag(commit: boolean): void {
    const drag = this.drag;
    if (!drag) return;
    this.drag = null;
    this.pointer = null;
    this.host.map.dragPan.enable();
    this.scheduleRender();
    if (commit && drag.position) this.events.onVertexMoved(drag.handle.path, drag.position);
  }

  private readonly onClick = (event: MapMouseEvent): void => {
    if (this.mode.kind !== 'draw') return;
    const position: LonLat = [event.lngLat.lng, event.lngLat.lat];
    const snap = this.events.snap(position, this.toleranceMeters(position));
    this.events.onDrawClick(snap.position, this.toleranceMeters(snap.position));
  };

  private readonly onDoubleClick = (event: MapMouseEvent): void => {
    if (this.mode.kind !== 'draw') return;
    event.preventDefault();
    this.events.onDrawFinish();
  };

  private scheduleRender(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.setEditLayers(editOverlayLayers(this.overlayState()));
    });
  }

  private overlayState(): EditOverlayState | null {
    const mode = this.mode;
    const snap = this.pointer && this.pointer.kind !== 'none' ? { position: this.pointer.position, kind: this.pointer.kind } : undefined;
    if (mode.kind === 'draw') {
      return { sketch: { kind: mode.sketchKind, points: mode.points, refused: mode.refused, ...(this.pointer ? { pointer: this.pointer.position } : {}) }, ...(snap ? { snap } : {}) };
    }
    if (mode.kind === 'preview') return { shape: { geometry: mode.geometry, valid: true } };
    if (mode.kind !== 'vertices') return null;
    const state: EditOverlayState = { handles: mode.handles.map((handle) => handle.position) };
    const active = this.drag?.position ?? this.hoveredHandle?.position;
    if (active) state.activeHandle = active;
    if (this.drag?.result) state.shape = { geometry: this.drag.result.geometry, valid: this.drag.result.ok };
    if (snap && this.drag) state.snap = snap;
    return state;
  }
}
