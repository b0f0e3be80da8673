import type { Map as MapLibreMap } from 'maplibre-gl';
import { HATCH_IMAGE_PREFIX } from './controlLineLayers';

/** The pattern tile in pixels: diagonals this far apart read as a hatch at any zoom. */
const TILE_PIXELS = 12;
const LINE_PIXELS = 1.6;

/** A tile of 45° lines in `#rrggbb`, anti-aliased, transparent between them; it repeats seamlessly. */
function hatchTile(hex: string): { width: number; height: number; data: Uint8Array } {
  const red = Number.parseInt(hex.slice(0, 2), 16);
  const green = Number.parseInt(hex.slice(2, 4), 16);
  const blue = Number.parseInt(hex.slice(4, 6), 16);
  const data = new Uint8Array(TILE_PIXELS * TILE_PIXELS * 4);
  for (let y = 0; y < TILE_PIXELS; y++)
    for (let x = 0; x < TILE_PIXELS; x++) {
      // Distance to the nearest line x + y = k·TILE, measured across the line.
      const along = (x + y + 1) % TILE_PIXELS;
      const distance = Math.min(along, TILE_PIXELS - along) / Math.SQRT2;
      const alpha = Math.max(0, Math.min(1, LINE_PIXELS / 2 + 0.5 - distance));
      const at = 4 * (y * TILE_PIXELS + x);
      data[at] = red;
      data[at + 1] = green;
      data[at + 2] = blue;
      data[at + 3] = Math.round(alpha * 255);
    }
  return { width: TILE_PIXELS, height: TILE_PIXELS, data };
}

/**
 * Draws a hatch image whenever a style asks for one it lacks (controlLineLayers names them by
 * colour): style images are not part of a style, so this also covers every basemap switch.
 */
export function supplyHatchImages(map: MapLibreMap): void {
  map.on('styleimagemissing', (event: { id: string }) => {
    if (!event.id.startsWith(HATCH_IMAGE_PREFIX) || map.hasImage(event.id)) return;
    const hex = event.id.slice(HATCH_IMAGE_PREFIX.length);
    if (/^[0-9a-f]{6}$/.test(hex)) map.addImage(event.id, hatchTile(hex));
  });
}
