import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../domain/measure/featureBounds';
import type { BasemapOptions } from './basemapStyle';
import type { PlanDeckState } from './planDeckLayers';
import type { PlanDrawingState } from './PlanDrawingState';

/** What a map shows, enough to draw it again elsewhere (renderPrintMap). */
export interface MapDrawing {
  basemap: BasemapOptions;
  deckState: PlanDeckState;
  /** The drawing map's prepared layers: their geometry serves the legend without being built again. */
  drawings: PlanDrawingState;
  center: [number, number];
  zoom: number;
  /** The map's size on screen, CSS pixels. */
  cssWidth: number;
  cssHeight: number;
  /** Swipe comparison: the meridian the map splits at. */
  splitLongitude?: number;
}

/** A drawn map and what an image of it needs: its scale, its extent, the swipe split and the credits. */
export interface MapPicture {
  /** Holds the drawn map (the map keeps its drawing buffer: preserveDrawingBuffer). */
  canvas: HTMLCanvasElement;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  latitude: number;
  zoom: number;
  bounds: Bounds;
  /** Swipe comparison: the meridian it splits at, and where that is on the canvas (pixels from the left). */
  split?: { longitude: number; x: number };
  /** The credits the basemap's sources ask for (e.g. © OpenStreetMap contributors). */
  attributions: string[];
}

/** The picture `map` has drawn into its canvas. */
export function mapPictureOf(map: MapLibreMap, splitLongitude: number | undefined): MapPicture {
  const canvas = map.getCanvas();
  const pixelRatio = canvas.width / Math.max(1, canvas.clientWidth);
  const center = map.getCenter();
  const bounds = map.getBounds();
  const sources = Object.values(map.getStyle().sources);
  const attributions = sources.flatMap((source) => ('attribution' in source && typeof source.attribution === 'string' ? [source.attribution] : []));
  return {
    canvas,
    pixelRatio,
    latitude: center.lat,
    zoom: map.getZoom(),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    ...(splitLongitude === undefined ? {} : { split: { longitude: splitLongitude, x: map.project([splitLongitude, center.lat]).x * pixelRatio } }),
    attributions: [...new Set(attributions)],
  };
}
