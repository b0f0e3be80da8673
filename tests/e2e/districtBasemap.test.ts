import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { namedFlavor } from '@protomaps/basemaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium';
import { waitForMapIdle } from './support/planMapPage';
import { projectDirectory, startPlanMapServer, type RunningServer } from './support/startPlanMapServer';
import { runCli } from '../support/runCli';
import { sampleBasemapPmtiles } from '../support/pmtiles/sampleBasemapPmtiles';

/*
 * A district made the way the README tells a new bureau to: `district init` from a surveyor's
 * shapefile with a PMTiles extract, then the real server and Chromium on the folder it wrote.
 */
let parent = '';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'plan-map-own-district-'));
  const archive = join(parent, 'extract.pmtiles');
  writeFileSync(archive, sampleBasemapPmtiles('protomaps'));
  const fixtures = join(projectDirectory, 'tests', 'fixtures', 'district');
  const out = join(parent, 'qingshan');
  const init = await runCli('district.ts', [
    'init', '--boundary', join(fixtures, 'boundary-gk4543.zip'), '--streets', join(fixtures, 'streets-gk4543.zip'), '--street-field', 'JDMC',
    '--name', '青山区', '--name-en', 'Qingshan District', '--basemap', archive, '--out', out,
  ]);
  if (init.code !== 0) throw new Error(`district init failed: ${init.stderr}`);
  [server, browser] = await Promise.all([startPlanMapServer(out), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (parent) rmSync(parent, { recursive: true, force: true });
});

interface RecordedPage {
  page: Page;
  errors: string[];
  /** Every address the page asked for, the app's and MapLibre's workers' alike. */
  urls: string[];
  /** HTTP statuses of the archive's answers. */
  archiveStatuses: number[];
}

/** Opens the app with every request recorded from the first one on. */
async function openRecorded(path: string): Promise<RecordedPage> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const recorded: RecordedPage = { page, errors: [], urls: [], archiveStatuses: [] };
  page.on('request', (request) => recorded.urls.push(request.url()));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.pmtiles')) recorded.archiveStatuses.push(response.status());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') recorded.errors.push(message.text());
  });
  page.on('pageerror', (error) => recorded.errors.push(error.message));
  await page.goto(`${server.baseUrl}${path}`);
  await waitForMapIdle(page);
  return recorded;
}

/** What the map drew from the archive: its loaded layers and the features of its tiles in view. */
async function vectorBasemapOnScreen(page: Page) {
  return page.evaluate(() => {
    const map = (window as unknown as { planMap: {
      getStyle(): { layers: { id: string; paint?: Record<string, unknown> }[] };
      isSourceLoaded(id: string): boolean;
      querySourceFeatures(id: string, options: { sourceLayer: string }): unknown[];
    } }).planMap;
    const earth = map.getStyle().layers.find((layer) => layer.id === 'vector-earth');
    return {
      loaded: map.isSourceLoaded('vector-basemap'),
      earthColor: earth?.paint?.['fill-color'],
      roads: map.querySourceFeatures('vector-basemap', { sourceLayer: 'roads' }).length,
      water: map.querySourceFeatures('vector-basemap', { sourceLayer: 'water' }).length,
    };
  });
}

function requestsLeavingTheMachine(urls: readonly string[]): string[] {
  const own = new URL(server.baseUrl).host;
  return urls.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).host !== own;
  });
}

// Software GL draws every tile on the CPU: allow for a loaded two-core machine.
describe('a district made by district init with a PMTiles extract', { timeout: 180_000 }, () => {
  it('draws the vector basemap in the light style on the browse screen, under the district\'s name, with no request leaving the machine', async () => {
    const { page, errors, urls, archiveStatuses } = await openRecorded('');
    expect(await page.locator('.brand-district').textContent()).toBe('青山区');
    expect(await page.title()).toContain('青山区');
    // The street menu lists the sub-districts that projects name: none yet, so no empty menu.
    expect(await page.locator('.street-filter').count()).toBe(0);
    const drawn = await vectorBasemapOnScreen(page);
    expect(drawn.loaded).toBe(true);
    expect(drawn.roads).toBeGreaterThan(0);
    expect(drawn.water).toBeGreaterThan(0);
    expect(drawn.earthColor).toBe(namedFlavor('light').earth);
    // The archive is read in pieces: a reader that fetched it whole would answer 200.
    expect(archiveStatuses.length).toBeGreaterThan(1);
    expect(new Set(archiveStatuses)).toEqual(new Set([206]));
    expect(urls.some((url) => url.includes('/geodata/basemap/streets.geojson'))).toBe(true);
    expect(requestsLeavingTheMachine(urls)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('uses the dark style in present mode, titled with the district\'s name', async () => {
    const { page, errors, urls } = await openRecorded('?mode=present');
    expect(await page.locator('.present-header h1').textContent()).toContain('青山区');
    const drawn = await vectorBasemapOnScreen(page);
    expect(drawn.loaded).toBe(true);
    expect(drawn.roads).toBeGreaterThan(0);
    expect(drawn.earthColor).toBe(namedFlavor('dark').earth);
    expect(requestsLeavingTheMachine(urls)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
