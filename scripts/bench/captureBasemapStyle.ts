import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { VIEWPORT } from './chromium';
import { installProbe, PROBE_ARGUMENT, type ProbeWindow } from './pageProbe';
import { tiledSourceId } from '../../src/map/tiledLayerStyle';

export interface CapturedBasemap {
  /** The app's style with its origin written as `{origin}` (see baselineServer). */
  styleJson: string;
  /** The app's map area in CSS pixels: the baseline map gets the same size. */
  width: number;
  height: number;
  /** Where the app opened (fitted to the district): `zoom/lat/lon`, as the app's and the baseline's `map` parameter reads it. */
  camera: string;
}

interface StyleLike {
  sources: Record<string, { type: string; data?: unknown }>;
  layers: { id: string; type: string; source?: string }[];
}

/** The app's tiled plan layers (hidden here, but in its style): not part of the basemap. */
const TILED_SOURCE_PREFIX = tiledSourceId('');

/**
 * The baseline draws on the app's own basemap style, read through the public surface
 * (`planMap.getStyle()`) with every plan layer hidden. getStyle() inlines GeoJSON that was
 * loaded by URL, so each basemap source whose file exists goes back to a URL, as the app loads it.
 */
export async function captureBasemapStyle(browser: Browser, appUrl: string, geodataDirectory: string, layerIds: readonly string[]): Promise<CapturedBasemap> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(installProbe, PROBE_ARGUMENT);
  await page.goto(`${appUrl}?hide=${layerIds.join(',')}`);
  await page.waitForFunction((mark) => (window as unknown as ProbeWindow).__benchProbe?.marks[mark] !== undefined, PROBE_ARGUMENT.firstFullRender, { timeout: 300_000 });
  const captured = await page.evaluate(() => {
    const map = (window as unknown as { planMap: { getStyle(): unknown; getContainer(): HTMLElement; getZoom(): number; getCenter(): { lng: number; lat: number } } }).planMap;
    const container = map.getContainer();
    const center = map.getCenter();
    return { style: JSON.stringify(map.getStyle()), width: container.clientWidth, height: container.clientHeight, camera: `${map.getZoom()}/${center.lat}/${center.lng}` };
  });
  await page.close();
  const style = JSON.parse(captured.style) as StyleLike;
  style.layers = style.layers.filter((layer) => layer.type !== 'custom' && !layer.source?.startsWith(TILED_SOURCE_PREFIX));
  for (const name of Object.keys(style.sources)) if (name.startsWith(TILED_SOURCE_PREFIX)) delete style.sources[name];
  for (const [name, source] of Object.entries(style.sources)) {
    if (source.type === 'geojson' && existsSync(join(geodataDirectory, 'basemap', `${name}.geojson`))) {
      source.data = `{origin}/geodata/basemap/${name}.geojson`;
    }
  }
  const origin = new URL(appUrl).origin;
  return { styleJson: JSON.stringify(style).replaceAll(origin, '{origin}'), width: captured.width, height: captured.height, camera: captured.camera };
}
