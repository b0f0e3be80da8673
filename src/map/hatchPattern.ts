import type { Map as MapLibreMap } from 'maplibre-gl';
import { HATCH_IMAGE_PREFIX } from './controlLineLayers';
import { colorFromHex } from './colorFromHex';

/** The pattern tile in pixels: diagonals this far apart read as a hatch at any zoom. */
const TILE_PIXELS = 12;
const LINE_PIXELS = 1.6;

/** A tile of 45° lines in `#rrggbb`, anti-aliased, transparent between them; it repeats seamlessly. */
function hatchTile(hex: string): { width: number; height: number; data: Uint8Array } {
  const [red, green, blue] = colorFromHex(`#${hex}`);
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

function addHatch(map: MapLibreMap, id: string): void {
  const hex = id.slice(HATCH_IMAGE_PREFIX.length);
  if (id.startsWith(HATCH_IMAGE_PREFIX) && /^[0-9a-f]{6}$/.test(hex) && !map.hasImage(id)) map.addImage(id, hatchTile(hex));
}

/**
 * Supplies the hatch images the style's control lines name (controlLineLayers names them by
 * colour). Style images are not part of a style, so each new style gets them again: at once, for
 * the legend of an exported picture and a hatch not yet in view, and whenever a tile asks.
 */
export function supplyHatchImages(map: MapLibreMap): void {
  map.on('styleimagemissing', (event: { id: string }) => addHatch(map, event.id));
  map.on('styledata', () => {
    for (const layer of map.getStyle()?.layers ?? []) {
      const pattern = layer.type === 'fill' ? layer.paint?.['fill-pattern'] : undefined;
      if (typeof pattern === 'string') addHatch(map, pattern);
    }
  });
}
