import { describe, expect, it } from 'vitest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { interiorPointOf } from './support/geodataExpectations';

const session = sampleDistrictSession();

/** The largest project of a layer: easy to click at zoom 16. */
function largestOf(layerId: string) {
  const layer = session.district.layers.find((candidate) => candidate.definition.id === layerId);
  if (!layer) throw new Error(`no ${layerId} in the sample`);
  let largest = 0;
  layer.areaSquareMeters.forEach((area, index) => { if (area > (layer.areaSquareMeters[largest] ?? 0)) largest = index; });
  const feature = layer.features[largest];
  if (!feature) throw new Error('no feature');
  return { layer, feature };
}

/** The selection outline's colour on the light basemap (planDeckLayers). */
const SELECTION_OUTLINE: [number, number, number] = [18, 24, 38];

const othersThan = (layerId: string) => session.district.manifest.layers.filter((layer) => layer.id !== layerId).map((layer) => layer.id).join(',');

describe('a project\'s details when the server prepared the layers', () => {
  it('name the clicked project at once, and show everything once the layer file has arrived after the map', async () => {
    const { feature } = largestOf('old-neighborhoods');
    const [longitude, latitude] = interiorPointOf(feature);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    // The layer file is held back: the map draws from the server's parts without it.
    let release = () => {};
    const released = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/geodata/old-neighborhoods.geojson', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${session.server.baseUrl}?map=16/${latitude}/${longitude}&hide=${othersThan('old-neighborhoods')}`);
    await waitForMapIdle(page);
    const point = await screenPointOf(page, [longitude, latitude]);
    const outlinePixelsBefore = await countPixelsNear(page, [SELECTION_OUTLINE], 20);
    await page.mouse.click(point.x, point.y);
    const details = page.locator('.feature-details');
    await details.waitFor({ timeout: 10_000 });
    expect(await details.getAttribute('data-feature-id')).toBe(feature.id);
    expect(await details.locator('h2').textContent()).toBe(feature.properties.name);
    expect(await details.getAttribute('aria-busy')).toBe('true');
    // The selection is outlined already, from the layer's geometry columns.
    await waitForMapIdle(page);
    expect(await countPixelsNear(page, [SELECTION_OUTLINE], 20)).toBeGreaterThan(outlinePixelsBefore + 200);
    expect(await details.locator('.history li').count()).toBe(0);
    // Zoom to works from the layer's geometry columns too: from afar, the map frames the project.
    await page.evaluate(() => (window as unknown as { planMap: { jumpTo(options: { zoom: number }): void } }).planMap.jumpTo({ zoom: 12 }));
    await details.locator('button.zoom-to').click();
    await expect.poll(() => page.evaluate(() => {
      const map = (window as unknown as { planMap: { getZoom(): number; isMoving(): boolean } }).planMap;
      return map.isMoving() ? 0 : map.getZoom();
    }), { timeout: 10_000 }).toBeGreaterThan(14);

    release();
    await expect.poll(() => details.locator('.history li').count(), { timeout: 10_000 }).toBe(feature.properties.history.length);
    expect(await details.getAttribute('aria-busy')).toBeNull();
    expect(await details.getAttribute('data-feature-id')).toBe(feature.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('come from the file as it is now when it changed after the server prepared the layer', async () => {
    const { layer, feature } = largestOf('green-space');
    const [longitude, latitude] = interiorPointOf(feature);
    const renamed = `${feature.properties.name}（已更名）`;
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Another version of the file than the parts were computed from: one project renamed, another gone.
    const gone = layer.features.find((candidate) => candidate.id !== feature.id);
    if (!gone) throw new Error('the green space layer has a single project');
    let fetches = 0;
    await page.route('**/geodata/green-space.geojson', async (route) => {
      fetches += 1;
      const response = await route.fetch();
      const collection = JSON.parse(await response.text()) as { features: { id: string; properties: { name: string } }[] };
      collection.features = collection.features.filter((candidate) => candidate.id !== gone.id);
      for (const candidate of collection.features) if (candidate.id === feature.id) candidate.properties.name = renamed;
      await route.fulfill({ response, body: JSON.stringify(collection), headers: { ...response.headers(), etag: '"edited-elsewhere"' } });
    });
    await page.goto(`${session.server.baseUrl}?map=16/${latitude}/${longitude}&hide=${othersThan('green-space')}`);
    await waitForMapIdle(page);
    const count = page.locator('.layer-card[data-layer-id="green-space"] .layer-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(String(layer.featureCount - 1));
    await waitForMapIdle(page);
    const point = await screenPointOf(page, [longitude, latitude]);
    await page.mouse.click(point.x, point.y);
    const details = page.locator('.feature-details');
    await expect.poll(() => details.locator('h2').textContent(), { timeout: 10_000 }).toBe(renamed);
    expect(await details.getAttribute('data-feature-id')).toBe(feature.id);
    expect(fetches, 'the new version is prepared from the bytes already fetched').toBe(1);
    await page.close();
  });

  it('arrive even when the first fetch of the layer file fails, and the map stays up meanwhile', async () => {
    const { feature } = largestOf('old-neighborhoods');
    const [longitude, latitude] = interiorPointOf(feature);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    let attempts = 0;
    await page.route('**/geodata/old-neighborhoods.geojson', async (route) => {
      attempts += 1;
      if (attempts === 1) await route.fulfill({ status: 503, body: 'busy' });
      else await route.continue();
    });
    await page.goto(`${session.server.baseUrl}?map=16/${latitude}/${longitude}&hide=${othersThan('old-neighborhoods')}`);
    await waitForMapIdle(page);
    const point = await screenPointOf(page, [longitude, latitude]);
    await page.mouse.click(point.x, point.y);
    const details = page.locator('.feature-details');
    await expect.poll(() => details.locator('.history li').count(), { timeout: 15_000 }).toBe(feature.properties.history.length);
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.splash-error').count()).toBe(0);
    await page.close();
  });
});
