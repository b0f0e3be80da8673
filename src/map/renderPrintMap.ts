import { Map as MapLibreMap } from 'maplibre-gl';
import { registerPmtilesProtocol } from './pmtilesProtocol';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PrintMapFrame } from '../domain/print/printMapFrame';
import { basemapStyle, type BasemapOptions } from './basemapStyle';
import { MAP_DRAWING_OPTIONS } from './mapDrawingOptions';
import { mapPictureOf, type MapDrawing, type MapPicture } from './mapPicture';
import { planDeckLayers } from './planDeckLayers';
import { PlanDrawingState } from './PlanDrawingState';
import { supplyHatchImages } from './hatchPattern';

/**
 * The largest canvas side asked of MapLibre (its default is 4096): it lowers the pixel ratio by
 * itself to what the GPU's drawing buffer allows, and the picture says what it got.
 */
const MAX_CANVAS_SIDE_PIXELS = 16_384;
/** A basemap that never settles (a hung tile) must not hold the export forever: what is drawn by then is taken. */
const SETTLE_TIMEOUT_MS = 60_000;

interface PrintMap {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
  container: HTMLDivElement;
  basemapKey: string;
}

/*
 * One print map for the page, made on the first print and kept, one CSS pixel small, between
 * prints: losing a WebGL context that has drawn a map takes SwiftShader (software GL) tens of
 * seconds, during which the page is frozen; a kept context costs a 1×1 canvas and the basemap.
 */
let printMap: Promise<PrintMap> | undefined;
/** Prints take turns: they share the print map. */
let queue: Promise<unknown> = Promise.resolve();

function settled(map: MapLibreMap, event: 'load' | 'idle'): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
    map.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves once the browser has reported the element's current size to resize observers. */
function sizeObserved(element: Element): Promise<void> {
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(element);
  });
}

function setSize(print: PrintMap, cssWidth: number, cssHeight: number, pixelRatio: number): void {
  print.container.style.width = `${cssWidth}px`;
  print.container.style.height = `${cssHeight}px`;
  print.map.setPixelRatio(pixelRatio);
  print.map.resize();
}

async function createPrintMap(basemap: BasemapOptions): Promise<PrintMap> {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.className = 'print-map';
  Object.assign(container.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', visibility: 'hidden', pointerEvents: 'none' });
  document.body.append(container);
  registerPmtilesProtocol();
  const map = new MapLibreMap({
    container,
    style: basemapStyle(basemap),
    pixelRatio: 1,
    maxCanvasSize: [MAX_CANVAS_SIDE_PIXELS, MAX_CANVAS_SIDE_PIXELS],
    interactive: false,
    attributionControl: false,
    trackResize: false,
    ...MAP_DRAWING_OPTIONS,
  });
  supplyHatchImages(map);
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  await settled(map, 'load');
  return { map, overlay, container, basemapKey: JSON.stringify(basemap) };
}

async function draw(drawing: MapDrawing, frame: PrintMapFrame): Promise<MapPicture> {
  printMap ??= createPrintMap(drawing.basemap);
  const print = await printMap;
  const { map, overlay } = print;
  const basemapKey = JSON.stringify(drawing.basemap);
  if (basemapKey !== print.basemapKey) {
    print.basemapKey = basemapKey;
    map.setStyle(basemapStyle(drawing.basemap));
  }
  if (!map.loaded()) await settled(map, 'idle');
  try {
    map.jumpTo({ center: drawing.center, zoom: drawing.zoom });
    setSize(print, frame.cssWidth, frame.cssHeight, frame.pixelRatio);
    // Given while the style is loaded, the layers go under the labels at once (beforeId). Each
    // print starts from nothing drawn: the layers of the one before were dropped (finally, below).
    overlay.setProps({ layers: planDeckLayers(drawing.deckState, new PlanDrawingState(), drawing.zoom, drawing.splitLongitude) });
    // In interleaved mode deck.gl takes the basemap's pixel ratio from a resize of the canvas, which
    // reaches it through a resize observer (@deck.gl/core Deck._onCanvasContextResize): frames drawn
    // before that have the old ratio.
    await sizeObserved(map.getCanvas());
    map.triggerRepaint();
    await settled(map, 'idle');
    const picture = mapPictureOf(map, drawing.splitLongitude);
    const copy = document.createElement('canvas');
    copy.width = picture.canvas.width;
    copy.height = picture.canvas.height;
    copy.getContext('2d')?.drawImage(picture.canvas, 0, 0);
    return { ...picture, canvas: copy };
  } finally {
    // The plan layers' GPU data and the big drawing buffer go until the next print.
    overlay.setProps({ layers: [] });
    setSize(print, 1, 1, 1);
  }
}

/**
 * Draws what the map shows again, off screen, in `frame`: the same basemap, plan layers, filters,
 * dates and swipe split at the frame's CSS size and pixel ratio (a print's pixel count), while the
 * map on screen stays as it is. Resolves with a copy of the drawing.
 */
export function renderPrintMap(drawing: MapDrawing, frame: PrintMapFrame): Promise<MapPicture> {
  const result = queue.then(() => draw(drawing, frame));
  queue = result.catch(() => undefined);
  return result;
}
