import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, waitForMapIdle } from './support/planMapPage';
import { screenColorsOf } from './support/geodataExpectations';

const session = sampleDistrictSession();

async function openCounting(page: Page, url: string): Promise<{ parts: number[]; errors: string[] }> {
  const parts: number[] = [];
  const errors: string[] = [];
  page.on('response', (response) => { if (response.url().endsWith('.parts')) parts.push(response.status()); });
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(url);
  await waitForMapIdle(page);
  return { parts, errors };
}

const statsText = (page: Page) => page.locator('.stats-card').allInnerTexts();

describe('loading the layers', () => {
  it('takes each layer ready-made from the server, and shows the same numbers as a page that computes them itself', async () => {
    const served = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const fromServer = await openCounting(served, session.server.baseUrl);
    expect(fromServer.parts).toEqual(session.district.manifest.layers.map(() => 200));

    // Static hosting sends no X-Plan-Map-Layer-Parts header: the page computes the layers in its workers.
    const computed = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await computed.route('**/geodata/layers.json', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['x-plan-map-layer-parts'];
      await route.fulfill({ response, headers });
    });
    const fromPage = await openCounting(computed, session.server.baseUrl);
    expect(fromPage.parts).toEqual([]);

    expect((await statsText(served)).length).toBe(session.district.manifest.layers.length);
    expect(await statsText(computed)).toEqual(await statsText(served));
    expect([...fromServer.errors, ...fromPage.errors]).toEqual([]);
    await served.close();
    await computed.close();
  });

  it('draws the plan layers even when a basemap source never finishes loading', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    // A hung request: MapLibre waits for the source, so the map never becomes idle.
    await page.route('**/geodata/basemap/water.geojson', () => undefined);
    await page.goto(session.server.baseUrl);
    const layer = session.district.layers.find((candidate) => candidate.definition.id === 'old-neighborhoods');
    if (!layer) throw new Error('no old neighbourhoods in the sample');
    await expect.poll(() => countPixelsNear(page, screenColorsOf(layer), 6), { timeout: 20_000 }).toBeGreaterThan(300);
    expect(await page.evaluate(() => (window as unknown as { planMap: { loaded(): boolean } }).planMap.loaded())).toBe(false);
    await page.close();
  });
});
