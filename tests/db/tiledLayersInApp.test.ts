import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbox, pointOnFeature } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../api/support/apiClient';
import { EDITOR, projectDirectory, writeTestAccounts } from '../api/support/apiTestServer';
import { spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { launchChromium } from '../e2e/support/launchChromium';
import { openPlanMap, waitForMapIdle } from '../e2e/support/planMapPage';
import { signIn } from '../e2e/support/staffServer';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';
import { parseLayer } from '../../src/data/parseGeodata';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import { tileFeatureStatusAsOf } from '../../src/domain/tiles/tileFeatureStatus';

/*
 * Layers too large to send whole, as the app draws them: the same district served twice, from
 * files (every layer whole) and from the database with a tiling threshold that makes its two
 * largest layers tiled. The page must never fetch a tiled layer whole, must draw it from tiles,
 * and must show the same statistics, target progress and details as the whole-layer page, under
 * filters and on a past day; a save shows on the map and in the panels.
 */

/** Layers of the sample district with this many projects or more are tiled: idle land (200) and old neighbourhoods (120). */
const TILED_FROM = 100;
const TILED = ['idle-land', 'old-neighborhoods'];
const TODAY = '2026-11-26';
const CLOCK = new Date(`${TODAY}T12:00:00`);

let rootDirectory: string;
let district: TestDistrictSchema;
let tiledServer: ServerProcess;
let fileServer: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-tiled-app-'));
  const geodataDirectory = join(rootDirectory, 'geodata');
  await cp(join(projectDirectory, 'geodata'), geodataDirectory, { recursive: true });
  district = await importTestDistrict(geodataDirectory);
  const databaseState = join(rootDirectory, 'database-state');
  const fileState = join(rootDirectory, 'file-state');
  await writeTestAccounts(databaseState, [{ ...EDITOR, role: 'editor' }], district.database);
  const emptyFolder = join(rootDirectory, 'empty');
  await mkdir(emptyFolder);
  [tiledServer, fileServer, browser] = await Promise.all([
    spawnServer({
      geodataDirectory: emptyFolder,
      stateDirectory: databaseState,
      variables: { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema, PLAN_MAP_TILED_FROM: String(TILED_FROM), PLAN_MAP_ONE_ROW_SAVE_FROM: String(TILED_FROM) },
    }),
    spawnServer({ geodataDirectory, stateDirectory: fileState }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of [tiledServer, fileServer]) {
    server?.child.kill('SIGTERM');
    await server?.exited;
  }
  await district?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
});

async function sampleLayer(layerId: string) {
  return parseLayer(await readFile(join(projectDirectory, 'geodata', `${layerId}.geojson`), 'utf8'), `${layerId}.geojson`);
}

/** Each tiled layer's statistics card as the user reads it: totals, statuses, targets and the part in view. */
async function statsCards(page: Page): Promise<Record<string, string>> {
  const cards: Record<string, string> = {};
  for (const layerId of TILED) cards[layerId] = await page.locator(`.stats-card[data-layer-id="${layerId}"]`).innerText();
  return cards;
}

/** The projects MapLibre has drawn from a tiled layer's tiles in the view: their ids and tile attributes. */
function renderedTileFeatures(page: Page, layerId: string): Promise<Record<string, string | number | boolean>[]> {
  return page.evaluate((id) => {
    const map = (window as unknown as { planMap: { queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, string | number | boolean> }[] } }).planMap;
    return map.queryRenderedFeatures({ layers: [`plan-tiles-${id}-fill`] }).map((feature) => feature.properties);
  }, layerId);
}

describe('a tiled layer in the app', () => {
  it('is drawn from tiles, never fetched whole, and counted as the whole layer is, under filters and on a past day', async () => {
    const requests: string[] = [];
    const tiledOpened = await (async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.clock.setFixedTime(CLOCK);
      const errors: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${tiledServer.baseUrl}/`);
      await waitForMapIdle(page);
      return { page, errors };
    })();
    const whole = await openPlanMap(browser, `${fileServer.baseUrl}/`, { fixedTime: CLOCK });
    const tiled = tiledOpened.page;

    for (const layerId of TILED) {
      expect(requests.filter((path) => path.startsWith(`/geodata/${layerId}.`))).toEqual([]);
      expect(requests.some((path) => path.startsWith(`/api/layers/${layerId}/tiles/`))).toBe(true);
      const drawn = await renderedTileFeatures(tiled, layerId);
      expect(drawn.length).toBeGreaterThan(0);
    }
    // A layer under the threshold still comes whole.
    expect(requests.some((path) => path.startsWith('/geodata/urban-villages.'))).toBe(true);

    await expect.poll(() => statsCards(tiled), { timeout: 20_000 }).toEqual(await statsCards(whole.page));

    // A status chosen in the legend: the map keeps only those projects, the panels count only them.
    for (const page of [tiled, whole.page]) {
      await page.locator('.layer-card[data-layer-id="idle-land"] button[data-status-id="revitalized"]').click();
      await waitForMapIdle(page);
    }
    const revitalized = await renderedTileFeatures(tiled, 'idle-land');
    expect(revitalized.length).toBeGreaterThan(0);
    for (const properties of revitalized) expect(tileFeatureStatusAsOf(properties, TODAY)).toBe('revitalized');
    await expect.poll(() => statsCards(tiled), { timeout: 20_000 }).toEqual(await statsCards(whole.page));

    // A past day on the timeline: every project takes the status it had then.
    const pastDay = '2025-06-30';
    for (const page of [tiled, whole.page]) {
      const url = new URL(page.url());
      url.searchParams.set('date', pastDay);
      await page.goto(url.href);
      await waitForMapIdle(page);
    }
    await expect.poll(() => statsCards(tiled), { timeout: 30_000 }).toEqual(await statsCards(whole.page));
    const sample = await sampleLayer('idle-land');
    const shownThen = new Set(sample.features.filter((feature) => statusAsOf(feature.properties, pastDay) === 'revitalized').map((feature) => feature.id));
    for (const properties of await renderedTileFeatures(tiled, 'idle-land')) expect(shownThen.has(String(properties.id))).toBe(true);

    // The data export offers only what the page holds, and says where a tiled layer's data is.
    await tiled.locator('button.export-data').click();
    await tiled.locator('.export-dialog select[name="layer"] option').first().waitFor({ state: 'attached' });
    const offered = await tiled.locator('.export-dialog select[name="layer"] option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toContain('urban-villages');
    for (const layerId of TILED) expect(offered).not.toContain(layerId);
    expect(await tiled.locator('.export-tiled-hint').innerText()).toContain('PostGIS');

    // Nobody can make the server read a tiled layer whole (its bytes may pass Node's longest string).
    for (const path of ['/geodata/idle-land.geojson', '/geodata/idle-land.parts', '/api/layers/idle-land']) {
      expect((await fetch(`${tiledServer.baseUrl}${path}`)).status, path).toBe(413);
      expect((await fetch(`${fileServer.baseUrl}${path}`)).status, path).toBe(200);
    }

    // 监测预警 says which layers it could not check, rather than reporting them on time.
    await tiled.keyboard.press('Escape');
    await tiled.locator('.warnings-button').click();
    const note = await tiled.locator('.warnings-tiled').innerText();
    expect(note).toContain('闲置/低效用地');
    expect(note).toContain('老旧小区');

    expect([...tiledOpened.errors, ...whole.errors]).toEqual([]);
    await tiled.close();
    await whole.page.close();
  }, 180_000);

  it('opens a clicked project\'s details from the server, with the same measures as the whole layer', async () => {
    const sample = await sampleLayer('old-neighborhoods');
    const project = sample.features[7];
    if (!project?.geometry) throw new Error('the sample has old neighbourhoods');
    const [longitude, latitude] = pointOnFeature(project.geometry).geometry.coordinates as [number, number];
    const camera = `?map=17.00/${latitude.toFixed(6)}/${longitude.toFixed(6)}`;
    const tiled = await openPlanMap(browser, `${tiledServer.baseUrl}/${camera}`, { fixedTime: CLOCK });
    const box = await tiled.page.locator('.map').boundingBox();
    if (!box) throw new Error('the map has a box');
    await tiled.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = tiled.page.locator('.feature-details');
    await expect.poll(() => card.getAttribute('data-feature-id'), { timeout: 20_000 }).toBe(project.id);
    await expect.poll(() => new URL(tiled.page.url()).searchParams.get('feature')).toBe(`old-neighborhoods/${project.id}`);

    const whole = await openPlanMap(browser, `${fileServer.baseUrl}/?feature=old-neighborhoods/${encodeURIComponent(project.id)}`, { fixedTime: CLOCK });
    const wholeCard = whole.page.locator('.feature-details');
    await wholeCard.waitFor();
    expect(await card.locator('header').innerText()).toBe(await wholeCard.locator('header').innerText());
    expect(await card.locator('.details-summary').innerText()).toBe(await wholeCard.locator('.details-summary').innerText());
    expect(await card.locator('ol.history').innerText()).toBe(await wholeCard.locator('ol.history').innerText());

    // Found by the search box (the server searches the tiled layer) and flown to once its shape arrives.
    const other = sample.features[40];
    if (!other?.geometry) throw new Error('the sample has forty old neighbourhoods');
    await tiled.page.locator('.search input').fill(other.id);
    await tiled.page.locator('.search-results li', { hasText: other.id }).first().waitFor({ timeout: 20_000 });
    await tiled.page.locator('.search input').press('Enter');
    await expect.poll(() => card.getAttribute('data-feature-id'), { timeout: 20_000 }).toBe(other.id);
    await waitForMapIdle(tiled.page);
    const [west, south, east, north] = bbox(other.geometry);
    const center = await tiled.page.evaluate(() => (window as unknown as { planMap: { getCenter(): { lng: number; lat: number } } }).planMap.getCenter());
    const margin = 0.01;
    expect(center.lng).toBeGreaterThan(west - margin);
    expect(center.lng).toBeLessThan(east + margin);
    expect(center.lat).toBeGreaterThan(south - margin);
    expect(center.lat).toBeLessThan(north + margin);

    expect([...tiled.errors, ...whole.errors]).toEqual([]);
    await tiled.page.close();
    await whole.page.close();
  }, 180_000);

  it('shows a save to a tiled layer on the map and in the panels without a reload', async () => {
    const { page, errors } = await openPlanMap(browser, `${tiledServer.baseUrl}/`, { fixedTime: CLOCK });
    const pendingRow = page.locator('.stats-card[data-layer-id="old-neighborhoods"] tr[data-status-id="pending"] td.number').first();
    await expect.poll(() => pendingRow.innerText(), { timeout: 20_000 }).not.toBe('0');
    const pendingBefore = Number((await pendingRow.innerText()).replace(/\D/g, ''));
    const sample = await sampleLayer('old-neighborhoods');
    const pending = sample.features.find((feature) => feature.properties.status === 'pending');
    if (!pending) throw new Error('the sample has a pending old neighbourhood');

    const tileRequestsAfterSave: string[] = [];
    const editor = new ApiClient(tiledServer.baseUrl);
    expect((await editor.login(EDITOR.username, EDITOR.password)).status).toBe(200);
    const { feature, version } = (await (await editor.get(`/api/layers/old-neighborhoods/features/${encodeURIComponent(pending.id)}`)).json()) as {
      feature: { properties: { history: { date: string; status: string }[] } };
      version: string;
    };
    const nextStatus = sample.features.find((candidate) => candidate.properties.status !== 'pending')?.properties.status ?? '';
    const moved = { ...feature, properties: { ...feature.properties, status: nextStatus, history: [...feature.properties.history, { date: '2026-11-20', status: nextStatus }] } };
    page.on('request', (request) => { if (request.url().includes('/api/layers/old-neighborhoods/tiles/')) tileRequestsAfterSave.push(request.url()); });
    const saved = await editor.write('PUT', `/api/layers/old-neighborhoods/features/${encodeURIComponent(pending.id)}`, JSON.stringify(moved), { 'If-Match': `"${version}"`, 'Content-Type': 'application/geo+json' });
    expect(saved.status).toBe(200);

    await expect.poll(() => pendingRow.innerText(), { timeout: 20_000 }).toBe(String(pendingBefore - 1));
    await expect.poll(() => tileRequestsAfterSave.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets an editor change a tiled project\'s status in its details card, saved as that project alone', async () => {
    const sample = await sampleLayer('old-neighborhoods');
    const project = sample.features.filter((feature) => feature.properties.status === 'pending').at(-1);
    if (!project) throw new Error('the sample has a pending old neighbourhood');
    const { page, errors } = await openPlanMap(browser, `${tiledServer.baseUrl}/?feature=old-neighborhoods/${encodeURIComponent(project.id)}`, { fixedTime: CLOCK });
    await signIn(page);
    const pendingRow = page.locator('.stats-card[data-layer-id="old-neighborhoods"] tr[data-status-id="pending"] td.number').first();
    await expect.poll(() => pendingRow.innerText(), { timeout: 20_000 }).not.toBe('0');
    const pendingBefore = Number((await pendingRow.innerText()).replace(/\D/g, ''));
    const form = page.locator('.tiled-project-editor .status-form');
    const nextStatus = await form.locator('select[name="status"] option').nth(1).getAttribute('value') ?? '';
    await form.locator('select[name="status"]').selectOption(nextStatus);
    await form.locator('input[name="date"]').fill('2026-11-25');
    await form.locator('button[type="submit"]').click();
    await page.locator('.tiled-project-editor .save-ok').waitFor({ timeout: 20_000 });

    await expect.poll(() => pendingRow.innerText(), { timeout: 20_000 }).toBe(String(pendingBefore - 1));
    await expect.poll(() => page.locator('.feature-details ol.history').innerText(), { timeout: 20_000 }).toContain('2026-11-25');
    const database = district.open();
    try {
      const { rows } = await database.pool.query<{ status: string; others: number }>(
        "SELECT properties ->> 'status' AS status, (SELECT count(*)::int FROM plan_feature WHERE layer = $1) AS others FROM plan_feature WHERE layer = $1 AND feature_id = $2",
        ['old-neighborhoods', project.id],
      );
      expect(rows).toEqual([{ status: nextStatus, others: sample.features.length }]);
    } finally {
      await database.pool.end();
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
