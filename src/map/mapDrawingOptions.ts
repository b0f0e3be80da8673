import type { MapOptions } from 'maplibre-gl';
import { CJK_FONT_FAMILY } from './cjkFontFamily';

/** How every map of the app draws, on screen and for print (renderPrintMap), so both look alike. */
export const MAP_DRAWING_OPTIONS = {
  minZoom: 8,
  maxZoom: 19,
  localIdeographFontFamily: CJK_FONT_FAMILY,
  // The drawing buffer is kept after each frame: exports read the canvas when they like.
  canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
  // Label fades redraw the whole map for 300 ms after every placement: frames software GL
  // (kiosk PCs without a GPU driver) cannot spare while layers load.
  fadeDuration: 0,
} satisfies Partial<MapOptions>;
