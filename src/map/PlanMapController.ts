import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { registerPmtilesProtocol } from './pmtilesProtocol';
import type { FeatureCollection } from 'geojson';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { basemapStyle, CHOSEN_STREETS_LAYER_ID, chosenStreetsFilter, type BasemapOptions } from './basemapStyle';
import { namedAreasBounds } from '../domain/streets/namedAreasBounds';
import type { Bounds } from '../domain/measure/featureBounds';
import { sameDeckState } from './sameDeckState';
import { FIRST_FULL_RENDER_MARK } from './firstFullRenderMark';
import { MAP_DRAWING_OPTIONS } from './mapDrawingOptions';
import { mapPictureOf, type MapDrawing, type MapPicture } from './mapPicture';
import { drawingDetailAt, featureIndexOfPick, planDeckLayers, planLayerIdOfDeckLayer, type PlanDeckState } from './planDeckLayers';
import { PlanDrawingState } from './PlanDrawingState';
import { supplyHatchImages } from './hatchPattern';
import { pointClusterPick, POINT_DETAIL_MIN_ZOOM } from './pointDeckLayers';
import { boxCovers, coveredBox } from './coveredBox';
import { PointLabels } from './pointLabels';
import { TiledMapLayers } from './TiledMapLayers';

// MapLibre 6 under Vite: the worker must be emitted by Vite and its URL handed over (docs/stack-notes.md, Map libraries).
setWorkerUrl(workerUrl);

export interface CameraState {
  center: [number, number];
  zoom: number;
}

export interface FeatureRef {
  layerId: string;
  featureId: string;
}

export interface PlanMapEvents {
  onCameraChange: (camera: CameraState) => void;
  onFeatureClick: (feature: FeatureRef | null) => void;
}

/** The scale bar's longest length in CSS pixels at a control scale of 1 (MapLibre's default). */
const SCALE_BAR_PIXELS = 100;

/** Touch and pen need a few pixels of slack to hit thin roads. */
const PICKING_RADIUS_PIXELS = 4;

function featureRefFromPick(info: PickingInfo | null, state: PlanDeckState | null, drawings: PlanDrawingState): FeatureRef | null {
  const layerId = planLayerIdOfDeckLayer(info?.layer?.id ?? '');
  if (!info || layerId === null || info.index < 0) return null;
  const layer = state?.layers.find((candidate) => candidate.definition.id === layerId);
  // A cluster of one point stands for that point's feature.
  const clusterPick = pointClusterPick(info);
  const pickIndex = clusterPick && 'part' in clusterPick ? clusterPick.part : info.index;
  const featureId = layer?.idAt(featureIndexOfPick(drawings, layer, pickIndex));
  return featureId === undefined ? null : { layerId, featureId };
}

/** How long loaded plan layers wait for the basemap to settle before they are drawn anyway. */
const SHOW_PLAN_LAYERS_AFTER_MS = 2000;

/**
 * The adapter between the app and MapLibre + deck.gl: the rest of the app talks to this small
 * surface and never to the map libraries themselves (the Terra Draw adapter idea).
 */

export class PlanMapController {
  readonly map: MapLibreMap;
  private readonly overlay: MapLibreOverlay;
  private deckState: PlanDeckState | null = null;
  /** What this map's deck.gl has been given of each plan layer, so a redraw uploads only what changed. */
  private readonly drawings = new PlanDrawingState();
  private basemap: BasemapOptions;
  /** Where a swipe comparison splits the map, as a fraction of its width. */
  private splitFraction = 0.5;
  private drawingDetail = 0;
  /** Point clusters are binned per whole zoom: the deck layers change when it does. */
  private zoomLevel = 0;
  /**
   * At the detail zoom, the box whose points are drawn (the view and one view around it) and the
   * whole zoom it was cut at: pans inside it rebuild nothing; leaving it, or a zoom step, cuts a new one.
   */
  private pointBox: { box: Bounds; zoomLevel: number } | undefined;
  /** The plan layers last drawn, reused when only the editing overlay changes (it changes per pointer move). */
  private planLayers: Layer[] = [];
  private firstIdleSeen = false;
  /** Plan layers are drawn once the basemap has settled, or a while after they arrived if it never does. */
  private planLayersShown = false;
  private showPlanLayersTimer: ReturnType<typeof setTimeout> | undefined;
  private firstFullRenderMarked = false;
  private editLayers: Layer[] = [];
  /** Marks over the plan layers (warningMarks: late projects), under the editing overlay. */
  private markLayers: Layer[] = [];
  private chosenStreets: readonly string[] = [];
  private readonly pointLabels: PointLabels;
  private readonly pointScale: number;
  /** Layers too large to send whole, drawn by MapLibre from the server's vector tiles. */
  private readonly tiled: TiledMapLayers;

  /** Opens at `camera`, or fitted to `bounds` (the whole district) when a link names no camera. */
  constructor(
    container: HTMLElement,
    initialView: {
      camera: CameraState | null;
      bounds: [number, number, number, number];
      /** Room left around the district when it is fitted, for panels that float over the map. */
      fitPadding?: { top: number; bottom: number; left: number; right: number };
      /**
       * Large screens read the scale bar from across the room: its length (and, in CSS, its text
       * and the zoom buttons) grows by this factor. The canvas itself always has the screen's
       * native resolution: software GL pays per vertex, not per pixel (docs/benchmark.md).
       */
      controlScale?: number;
    },
    basemap: BasemapOptions,
    events: PlanMapEvents,
  ) {
    this.basemap = basemap;
    registerPmtilesProtocol();
    this.map = new MapLibreMap({
      container,
      style: basemapStyle(basemap),
      ...(initialView.camera
        ? { center: initialView.camera.center, zoom: initialView.camera.zoom }
        : { bounds: initialView.bounds, fitBoundsOptions: { padding: initialView.fitPadding ?? 24 } }),
      ...MAP_DRAWING_OPTIONS,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    supplyHatchImages(this.map);
    this.pointScale = initialView.controlScale ?? 1;
    this.pointLabels = new PointLabels(this.map, this.pointScale);
    this.tiled = new TiledMapLayers(this.map, new URL('.', document.baseURI).href.replace(/\/$/, ''));
    // Each style (the first, and each basemap switch, loaded or diffed) starts without the chosen outline.
    this.map.on('styledata', () => this.applyChosenStreets());
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: SCALE_BAR_PIXELS * (initialView.controlScale ?? 1) }), 'bottom-left');
    this.overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    this.map.addControl(this.overlay);
    // deck.gl adds its layer to the style only once every source has loaded (isStyleLoaded): do it
    // then, with the placeholders, so that the layers' arrival is no style change (which costs a
    // second full frame of MapLibre's).
    const addDeckLayerOnceSourcesLoad = () => {
      if (!this.map.isStyleLoaded()) return;
      this.map.off('data', addDeckLayerOnceSourcesLoad);
      this.renderDeck();
    };
    this.map.on('data', addDeckLayerOnceSourcesLoad);
    // @deck.gl/maplibre ignores beforeId on the first load (docs/stack-notes.md, Map libraries): set the layers again once idle.
    this.map.once('idle', () => {
      this.firstIdleSeen = true;
      this.planLayersShown = true;
      clearTimeout(this.showPlanLayersTimer);
      this.renderDeck();
      this.markFirstFullRenderWhenDrawn();
      this.updatePointLabels();
      this.map.triggerRepaint();
    });
    // Picking on MapLibre's own click: deck.gl's interleaved click path drops the first click after
    // load (its pointer-down pick comes back empty), while a direct pick is reliable.
    this.map.on('click', (event) => {
      const picked = this.overlay.pickObject({ x: event.point.x, y: event.point.y, radius: PICKING_RADIUS_PIXELS });
      // A click on a cluster of points zooms in on it (the selection stays as it was).
      const clusterPick = pointClusterPick(picked);
      if (clusterPick && 'zoomTo' in clusterPick) {
        this.map.easeTo({ ...clusterPick.zoomTo, duration: 600 });
        return;
      }
      events.onFeatureClick(featureRefFromPick(picked, this.deckState, this.drawings) ?? this.tiled.pickAt(event.point, PICKING_RADIUS_PIXELS));
    });
    // The split is a screen position: its longitude changes as the map pans and zooms.
    this.map.on('move', () => {
      const detailChanged = drawingDetailAt(this.map.getZoom()) !== this.drawingDetail || Math.floor(this.map.getZoom()) !== this.zoomLevel;
      if (this.deckState?.compareAsOfDate !== undefined || detailChanged || this.viewLeftPointBox()) this.renderDeck();
    });
    this.map.on('moveend', () => {
      this.updatePointLabels();
      const center = this.map.getCenter();
      events.onCameraChange({ center: [center.lng, center.lat], zoom: this.map.getZoom() });
    });
  }

  setDeckState(state: PlanDeckState): void {
    if (this.deckState && sameDeckState(this.deckState, state)) return;
    this.deckState = state;
    if (state.complete && !this.planLayersShown && this.showPlanLayersTimer === undefined) {
      // A basemap that never settles (tiles that keep failing, a camera already flying) must not hide the plan.
      this.showPlanLayersTimer = setTimeout(() => {
        this.planLayersShown = true;
        this.renderDeck();
        this.updatePointLabels();
      }, SHOW_PLAN_LAYERS_AFTER_MS);
    }
    this.renderDeck();
    this.markFirstFullRenderWhenDrawn();
    this.updatePointLabels();
  }

  setSplitFraction(fraction: number): void {
    this.splitFraction = Math.min(1, Math.max(0, fraction));
    this.renderDeck();
  }

  setBasemap(basemap: BasemapOptions): void {
    if (JSON.stringify(basemap) === JSON.stringify(this.basemap)) return;
    this.basemap = basemap;
    this.map.setStyle(basemapStyle(basemap));
    this.pointLabels.styleReplaced();
    this.map.once('idle', () => {
      this.renderDeck();
      this.updatePointLabels();
    });
  }

  /** Outlines the sub-districts the view is narrowed to (none: no outline). */
  setChosenStreets(names: readonly string[]): void {
    this.chosenStreets = [...names];
    this.applyChosenStreets();
  }

  /** The box around the named sub-districts, from the basemap's own boundaries; null if it has none of them. */
  async streetsBounds(names: readonly string[]): Promise<Bounds | null> {
    const source = this.map.getSource<GeoJSONSource>('streets');
    if (!source || names.length === 0) return null;
    const data = await source.getData();
    return data.type === 'FeatureCollection' ? namedAreasBounds(data as FeatureCollection, names) : null;
  }

  private applyChosenStreets(): void {
    if (!this.map.getLayer(CHOSEN_STREETS_LAYER_ID)) return;
    const filter = chosenStreetsFilter(this.chosenStreets);
    // A filter change is itself a style change: set it only when it differs, or styledata never ends.
    if (JSON.stringify(this.map.getFilter(CHOSEN_STREETS_LAYER_ID)) !== JSON.stringify(filter)) this.map.setFilter(CHOSEN_STREETS_LAYER_ID, filter);
  }

  /**
   * Flies so the box fills the map beside overlays: a number is the left one (the details card);
   * `{ left, right }` also leaves room for a panel on the right (import, history). The padding
   * shrinks on narrow maps so the fit never collapses.
   */
  flyToBounds(bounds: [number, number, number, number], overlayPixels: number | { left: number; right?: number }): void {
    const { clientWidth, clientHeight } = this.map.getContainer();
    const overlays = typeof overlayPixels === 'number' ? { left: overlayPixels, right: 0 } : { left: overlayPixels.left, right: overlayPixels.right ?? 0 };
    const wantedLeft = overlays.left + 40;
    const wantedRight = overlays.right > 0 ? overlays.right + 40 : Math.min(40, clientWidth * 0.1);
    // Both sides together keep at least a fifth of the map for the box.
    const scale = Math.min(1, (clientWidth * 0.8) / Math.max(1, wantedLeft + wantedRight));
    const left = Math.min(wantedLeft * scale, Math.max(0, clientWidth * 0.5));
    const right = wantedRight * scale;
    const vertical = Math.min(60, clientHeight * 0.15);
    this.map.fitBounds(bounds, {
      padding: { top: vertical, bottom: vertical, left, right },
      // Closer than this loses the neighbourhood around a small parcel.
      maxZoom: 16,
      duration: 900,
    });
  }

  /**
   * A slow, smooth flight for presentations: to a camera, or to fit a box, within the map's free
   * area (`padding` from each edge). The padding replaces the one of the flight before: MapLibre
   * otherwise adds a fit's padding to the map's own, which a centre-and-zoom flight has set, and
   * the next fit finds no room left and stays where it is ("Map cannot fit within canvas").
   */
  flyToView(
    target: { center: [number, number]; zoom: number } | { bounds: [number, number, number, number] },
    padding: { top: number; bottom: number; left: number; right: number },
  ): void {
    const duration = 2200;
    if ('bounds' in target) this.map.fitBounds(target.bounds, { padding, absolutePadding: true, maxZoom: 16, duration, essential: true });
    else this.map.flyTo({ center: target.center, zoom: target.zoom, duration, essential: true, padding });
  }

  /**
   * The map as last drawn, and what it shows (null before the plan layers are drawn), so an
   * export can draw it again at print size (renderPrintMap).
   */
  snapshot(): { picture: MapPicture; drawing: MapDrawing | null } {
    const split = this.deckState?.compareAsOfDate === undefined ? undefined : this.splitLongitude();
    const center = this.map.getCenter();
    const { clientWidth, clientHeight } = this.map.getContainer();
    const drawing = this.deckState && this.planLayersShown
      ? { basemap: this.basemap, deckState: this.deckState, drawings: this.drawings, center: [center.lng, center.lat] as [number, number], zoom: this.map.getZoom(), cssWidth: clientWidth, cssHeight: clientHeight, splitLongitude: split }
      : null;
    return { picture: mapPictureOf(this.map, split), drawing };
  }

  /** The drawing and vertex-editing overlay (editOverlayLayers), drawn above the plan layers. */
  setEditLayers(layers: Layer[]): void {
    this.editLayers = layers;
    this.overlay.setProps({ layers: [...this.planLayers, ...this.markLayers, ...layers] });
  }

  /** Marks drawn above the plan layers and below the editing overlay, e.g. warningMarkLayers. */
  setMarkLayers(layers: Layer[]): void {
    this.markLayers = layers;
    this.overlay.setProps({ layers: [...this.planLayers, ...layers, ...this.editLayers] });
  }

  destroy(): void {
    clearTimeout(this.showPlanLayersTimer);
    this.overlay.finalize();
    this.map.remove();
  }

  /**
   * The basemap loads while the load worker prepares the layers: the first full render is the
   * first idle map after both, with every layer handed to deck.gl.
   */
  private markFirstFullRenderWhenDrawn(): void {
    if (this.firstFullRenderMarked || !this.firstIdleSeen || !this.deckState?.complete) return;
    this.firstFullRenderMarked = true;
    const container = this.map.getContainer();
    this.map.once('idle', () => {
      performance.mark(FIRST_FULL_RENDER_MARK);
      container.dataset.firstFullRender = 'true';
    });
    this.map.triggerRepaint();
  }

  private updatePointLabels(): void {
    if (this.deckState && this.planLayersShown) this.pointLabels.update(this.deckState, this.drawings);
  }

  private viewBounds(): Bounds {
    const bounds = this.map.getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
  }

  /** Whether the view at the detail zoom shows ground outside the box whose points are drawn. */
  private viewLeftPointBox(): boolean {
    if (this.map.getZoom() < POINT_DETAIL_MIN_ZOOM) return false;
    return !this.pointBox || !boxCovers(this.pointBox.box, this.viewBounds());
  }

  /** The box of points to draw at this zoom: the one drawn while it still covers the view at the same whole zoom. */
  private pointBoxAt(zoom: number): Bounds | undefined {
    if (zoom < POINT_DETAIL_MIN_ZOOM) {
      this.pointBox = undefined;
      return undefined;
    }
    const view = this.viewBounds();
    const zoomLevel = Math.floor(zoom);
    if (!this.pointBox || this.pointBox.zoomLevel !== zoomLevel || !boxCovers(this.pointBox.box, view)) this.pointBox = { box: coveredBox(view), zoomLevel };
    return this.pointBox.box;
  }

  /** The meridian under the swipe divider. */
  private splitLongitude(): number {
    const { clientWidth, clientHeight } = this.map.getContainer();
    return this.map.unproject([this.splitFraction * clientWidth, clientHeight / 2]).lng;
  }

  private renderDeck(): void {
    if (!this.deckState) return;
    const splitLongitude = this.splitLongitude();
    const zoom = this.map.getZoom();
    this.drawingDetail = drawingDetailAt(zoom);
    this.zoomLevel = Math.floor(zoom);
    // Until the basemap has settled the plan layers are hidden: every basemap frame while its
    // sources and labels load would otherwise draw every feature too (half a second a frame at
    // 75k features in software GL). deck.gl prepares hidden layers all the same, so the data
    // joins in one frame.
    const shown = this.planLayersShown ? this.deckState : { ...this.deckState, visibleLayerIds: new Set<string>() };
    const pointBox = this.pointBoxAt(zoom);
    const state = { ...shown, pointScale: this.pointScale, ...(pointBox ? { pointBox } : {}) };
    this.planLayers = planDeckLayers(state, this.drawings, zoom, splitLongitude);
    this.tiled.update(shown);
    this.overlay.setProps({ layers: [...this.planLayers, ...this.markLayers, ...this.editLayers] });
  }
}
