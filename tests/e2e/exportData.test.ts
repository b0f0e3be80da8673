import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import type { MeasuredLayer } from '../../src/domain/measure/measuredLayer';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';
import { parseCsv } from '../support/parseCsv';

const session = sampleDistrictSession();

/** Local noon, so "today" in the page is this date in any time zone near China's. */
const FIXED_NOW = new Date('2026-03-15T12:00:00');
const TODAY = '2026-03-15';

function sampleLayer(id: string): MeasuredLayer {
  const layer = session.district.layers.find((candidate) => candidate.definition.id === id);
  if (!layer) throw new Error(`the sample geodata has no layer ${id}`);
  return layer;
}

/** Clicks Download in the export dialog and returns the downloaded file's name and text. */
async function download(page: Page): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.export-dialog button.export-download').click()]);
  return { fileName: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The whole dialog is on screen, its download button included, without scrolling the page. */
async function expectDialogOnScreen(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  const box = await page.locator('.export-dialog').boundingBox();
  const button = await page.locator('.export-dialog button.export-download').boundingBox();
  if (!viewport || !box || !button) throw new Error('the export dialog is not shown');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(button.y + button.height).toBeLessThanOrEqual(box.y + box.height);
}

function positionsOf(value: unknown): Position[] {
  if (!Array.isArray(value)) return [];
  if (typeof value[0] === 'number') return [value as Position];
  return value.flatMap(positionsOf);
}

describe('exporting layer data for QGIS and Excel', () => {
  it('lets a viewer download the filtered selection for a past day as a CSV in the UI\'s language or in codes, and as GeoJSON with the status on that day, from the keyboard', async () => {
    const layer = sampleLayer('urban-villages');
    const asOfDate = '2025-06-30';
    const statuses = ['expropriating', 'demolishing'];
    const street = layer.features[0]?.properties.street ?? '';
    const expected = layer.features
      .map((feature, index) => ({ feature, index }))
      .filter(({ feature }) => statuses.includes(statusAsOf(feature.properties, asOfDate) ?? '') && feature.properties.street === street);
    expect(expected.length).toBeGreaterThan(0);

    const url = `${session.server.baseUrl}?status=urban-villages:${statuses.join(',')}&street=${encodeURIComponent(street)}&date=${asOfDate}`;
    const { page, errors } = await openPlanMap(session.browser, url, { fixedTime: FIXED_NOW });
    await page.locator('button.export-data').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('.export-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('layer');
    await dialog.locator('select[name="layer"]').selectOption('urban-villages');
    await dialog.locator('input[name="format"][value="csv"]').check();
    const filtered = 'input[name="scope"][value="filtered"]';
    expect(await dialog.locator(filtered).isChecked()).toBe(true);
    expect(await dialog.locator('label', { has: page.locator(filtered) }).innerText()).toBe(`当前筛选（${expected.length} 个）`);

    // A planner reading the Chinese UI gets the layer's Chinese labels, as the details card shows them.
    const labelsZh = 'input[name="csv-labels"][value="zh"]';
    expect(await dialog.locator(labelsZh).isChecked()).toBe(true);
    await expectDialogOnScreen(page);
    const { fileName, text } = await download(page);
    expect(fileName).toBe(`urban-villages-${asOfDate}.csv`);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header = [], ...rows] = parseCsv(text.slice(1));
    const column = (name: string) => header.indexOf(name);
    expect(header).toEqual(['编号', '名称', '街道', '实施方式', '涉及户数', '面积（平方米）', '面积（亩）', '面积（公顷）', '长度（米）', '状态', '状态日期', `${asOfDate} 的状态`, '状态历程']);
    const label = (statusId: string | null) => layer.definition.statuses.find((status) => status.id === statusId)?.label.zh;
    expect(rows.map((row) => row[column('编号')])).toEqual(expected.map(({ feature }) => feature.id));
    rows.forEach((row, rowIndex) => {
      const entry = expected[rowIndex];
      if (!entry) throw new Error('more rows than expected');
      expect(row[column('名称')]).toBe(entry.feature.properties.name);
      expect(row[column('实施方式')]).toBe({ demolish: '拆除重建', renovate: '综合整治' }[String(entry.feature.properties.plan)]);
      expect(Number(row[column('面积（平方米）')])).toBeCloseTo(layer.areaSquareMeters[entry.index] ?? Number.NaN, 2);
      expect(row[column('状态')]).toBe(label(entry.feature.properties.status));
      expect(row[column(`${asOfDate} 的状态`)]).toBe(label(statusAsOf(entry.feature.properties, asOfDate)));
    });

    // Scripts get the codes the data uses.
    await dialog.locator('input[name="csv-labels"][value="codes"]').check();
    const codes = await download(page);
    const [codeHeader = [], ...codeRows] = parseCsv(codes.text.slice(1));
    expect(codeHeader.slice(0, 2)).toEqual(['id', 'name']);
    expect(codeRows.map((row) => row[codeHeader.indexOf('status_as_of')])).toEqual(expected.map(({ feature }) => statusAsOf(feature.properties, asOfDate)));
    expect(new Set(codeRows.map((row) => row[codeHeader.indexOf('plan')]))).toEqual(new Set(expected.map(({ feature }) => feature.properties.plan)));

    // GeoJSON for the past day carries the status on that day beside today's.
    await dialog.locator('input[name="format"][value="geojson"]').check();
    expect(await dialog.locator('input[name="csv-labels"]').count()).toBe(0);
    expect(await dialog.locator('.export-status-as-of').innerText()).toContain(asOfDate);
    const geojson = await download(page);
    const collection = JSON.parse(geojson.text) as { features: { id: string; properties: Record<string, unknown> }[] };
    expect(collection.features.map((feature) => [feature.id, feature.properties.status, feature.properties.status_as_of, feature.properties.status_as_of_date]))
      .toEqual(expected.map(({ feature }) => [feature.id, feature.properties.status, statusAsOf(feature.properties, asOfDate), asOfDate]));
    expect(await dialog.locator('.export-done').innerText()).toContain(geojson.fileName);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('export-data'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a whole layer as RFC 7946 GeoJSON and in its CGCS2000 Gauss-Krüger zone', async () => {
    const layer = sampleLayer('roads');
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?lang=en`, { fixedTime: FIXED_NOW, viewport: { width: 1920, height: 1080 } });
    await page.locator('button.export-data').click();
    const dialog = page.locator('.export-dialog');
    await dialog.locator('select[name="layer"]').selectOption('roads');
    const whole = 'input[name="scope"][value="layer"]';
    expect(await dialog.locator(whole).isChecked()).toBe(true);
    expect(await dialog.locator('label', { has: page.locator(whole) }).innerText()).toBe(`Whole layer (${layer.features.length})`);

    const wgs84 = await download(page);
    expect(wgs84.fileName).toBe(`roads-${TODAY}.geojson`);
    const collection = JSON.parse(wgs84.text) as { type: string; crs?: unknown; features: { id: string; geometry: { coordinates: unknown }; properties: unknown }[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.crs).toBeUndefined();
    expect(collection.features.map((feature) => feature.id)).toEqual(layer.features.map((feature) => feature.id));
    collection.features.forEach((exported, index) => {
      const original = layer.features[index];
      expect(exported.properties).toEqual(original?.properties);
      const expectedPositions = positionsOf(original?.geometry?.coordinates);
      const positions = positionsOf(exported.geometry.coordinates);
      expect(positions).toHaveLength(expectedPositions.length);
      positions.forEach(([x = 0, y = 0], position) => {
        const [ex = 0, ey = 0] = expectedPositions[position] ?? [];
        expect(Math.abs(x - ex)).toBeLessThanOrEqual(1e-7);
        expect(Math.abs(y - ey)).toBeLessThanOrEqual(1e-7);
      });
    });

    await expectDialogOnScreen(page);
    const gaussKruger = 'input[name="format"][value="gauss-kruger"]';
    expect(await dialog.locator('label', { has: page.locator(gaussKruger) }).innerText()).toContain('zone 34, EPSG:4543');
    await dialog.locator(gaussKruger).check();
    const projected = await download(page);
    expect(projected.fileName).toBe(`roads-${TODAY}-cgcs2000-gk-34.geojson`);
    const projectedCollection = JSON.parse(projected.text) as { crs: unknown; features: { geometry: { coordinates: unknown } }[] };
    expect(projectedCollection.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4543' } });
    const eastings = projectedCollection.features.flatMap((feature) => positionsOf(feature.geometry.coordinates)).map(([x = 0]) => x);
    expect(eastings.every((easting) => easting > 400_000 && easting < 600_000)).toBe(true);
    expect(await dialog.locator('.export-done').innerText()).toContain('EPSG:4543');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the export dialog when its code cannot be loaded', () => {
  it('says so and offers a reload, and the map stays', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    // As after a redeploy that removed the old files, or a dropped connection.
    await page.route('**/assets/ExportDataDialog-*.js', (route) => route.abort());
    await page.goto(session.server.baseUrl);
    await waitForMapIdle(page);
    await page.locator('button.export-data').click();
    const failed = page.locator('.lazy-panel-failed');
    await failed.waitFor({ timeout: 10_000 });
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.getByRole('button').count()).toBe(1);
    expect(await page.locator('.map canvas').count()).toBeGreaterThan(0);
    await page.close();
  });
});
