import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cityTargets, type CityTargets } from '../../src/domain/city/cityTargets';
import { districtRanking } from '../../src/domain/city/districtRanking';
import { formatMetric, formatPercent } from '../../src/domain/format/formatMeasure';
import { isShareMetric } from '../../src/domain/plan/targetMetrics';
import { measureLayer } from '../../src/domain/measure/measuredLayer';
import { readGeodataDirectory } from '../../src/data/readGeodataDirectory';
import { launchChromium } from './support/launchChromium';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';
import { layoutProblems } from './support/layoutProblems';
import { projectDirectory, startCityServer, type RunningCityServer } from '../support/startCityServer';

/** A fixed day, so the figures on screen and the ones computed here are of the same day. */
const DAY = '2026-06-30';
const DISTRICTS = [
  { id: 'hubin', name: { zh: '湖滨区', en: 'Hubin District' }, directory: 'geodata' },
  { id: 'xishan', name: { zh: '西山区', en: 'Xishan District' }, directory: 'geodata-city/xishan' },
];
const PANELS = '.present-header, .present-actions, .kpi-tile:not([hidden]), .present-side';

let server: RunningCityServer;
let browser: Browser;
let expected: CityTargets;

beforeAll(async () => {
  const measured = await Promise.all(DISTRICTS.map(async (district) => {
    const { manifest, layers } = await readGeodataDirectory(resolve(projectDirectory, district.directory));
    return { id: district.id, name: district.name, manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
  }));
  expected = cityTargets(measured, DAY);
  [server, browser] = await Promise.all([startCityServer(), launchChromium()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const figures = (progress: { metric: Parameters<typeof isShareMetric>[0]; actual: number; target: number; percent: number; unit?: { zh: string; en: string } }) =>
  `${formatMetric(progress, progress.actual, 'zh')} / ${formatMetric(progress, progress.target, 'zh')}${isShareMetric(progress.metric) ? '' : ` (${formatPercent(progress.percent, 'zh')})`}`;

describe('the city page', () => {
  it('lists every district’s targets side by side with the city total, in Chinese then English, and opens a district’s map', async () => {
    const { page, errors } = await openPlanMap(browser, `${server.baseUrl}?date=${DAY}`, { waitForIdle: false });
    await page.locator('.city-table').waitFor();
    expect(new URL(page.url()).searchParams.get('mode')).toBe('city');
    expect(await page.locator('.city-table thead th').allTextContents()).toEqual(['图层 · 目标', '湖滨区', '西山区', '全市合计']);
    expect(await page.locator('.city-table tbody tr').count()).toBe(expected.rows.length);
    for (const key of ['urban-villages/uv-demolish', 'roads/road-length', 'schools/school-seats', 'health/health-centres-provincial-a', 'quarries/quarries-restored-area']) {
      const row = expected.rows.find((candidate) => candidate.key === key);
      if (!row) throw new Error(`no row ${key}`);
      const cells = await page.locator(`.city-table tr[data-row-key="${key}"] td`).allTextContents();
      const shown = cells.map((cell) => cell.split(/已达成|进度正常|进度滞后|已逾期/)[0]);
      expect(shown, key).toEqual([...row.districts.map((progress) => (progress ? figures(progress) : '—')), figures(row.city)]);
    }
    // The city's total is the districts' added up.
    const seats = expected.rows.find((row) => row.key === 'schools/school-seats');
    expect(seats?.city.actual).toBeCloseTo((seats?.districts[0]?.actual ?? 0) + (seats?.districts[1]?.actual ?? 0), 9);

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.city-table thead th', { hasText: 'City total' }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

    await page.locator('.city-table thead a', { hasText: 'Xishan District' }).click();
    await page.waitForURL(/\/d\/xishan\//);
    await waitForMapIdle(page);
    expect(await page.title()).toContain('Xishan District');
    expect(await page.locator('.layer-card').count()).toBe(6);
    // Back to the city, in the language chosen.
    await page.locator('.brand-city').click();
    await page.locator('.city-table thead th', { hasText: 'City total' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the present city view', () => {
  for (const screen of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }, { width: 3840, height: 1080 }]) {
    it(`sums the comparable targets in KPI tiles and ranks the districts, legibly at ${screen.width}×${screen.height}`, async () => {
      const { page, errors } = await openPlanMap(browser, `${server.baseUrl}?mode=city-present&date=${DAY}`, { viewport: screen, waitForIdle: false });
      await page.locator('.city-present .kpi-tile').first().waitFor();
      const perPage = screen.width / screen.height >= 21 / 9 ? 8 : 6;
      const tiles = page.locator('.kpi-tile:not([hidden])');
      expect(await tiles.count()).toBe(perPage);
      const [first] = expected.rows;
      if (!first) throw new Error('no rows');
      expect(await tiles.first().getByTestId('kpi-actual').textContent()).toBe(`${formatMetric(first.city, first.city.actual, 'zh')} / ${formatMetric(first.city, first.city.target, 'zh')}`);
      const rankedNames = (row: typeof first) => districtRanking(expected, row).map((rank) => rank.name.zh);
      expect(await page.locator('.district-ranking .ranking-name').allTextContents()).toEqual(rankedNames(first));

      const report = await layoutProblems(page, PANELS);
      expect(report.overflowing).toEqual([]);
      expect(report.overlapping).toEqual([]);
      const screenUnit = Math.min(screen.width / 100, (screen.height * 1.7778) / 100);
      expect(report.smallestFontPixels, `smallest text: "${report.smallestFontText}"`).toBeGreaterThanOrEqual(1.1 * screenUnit - 0.01);

      // A clicker's PageDown shows the next group, and the ranking follows its first target.
      await page.keyboard.press('PageDown');
      const pages = Math.ceil(expected.rows.length / perPage);
      await page.getByTestId('kpi-pager').getByText(`第 2/${pages} 组`).waitFor();
      const second = expected.rows[perPage];
      if (!second) throw new Error('no second group');
      expect(await tiles.first().getAttribute('data-row-key')).toBe(second.key);
      await page.locator('.kpi-tile.is-focused[data-row-key="' + second.key + '"]').waitFor();
      expect(await page.locator('.ranking-target').textContent()).toContain(second.city.label.zh);
      // → chooses the next target for the ranking.
      await page.keyboard.press('ArrowRight');
      const third = expected.rows[perPage + 1];
      if (!third) throw new Error('no next target');
      await page.locator(`.kpi-tile.is-focused[data-row-key="${third.key}"]`).waitFor();
      expect(await page.locator('.district-ranking .ranking-name').allTextContents()).toEqual(rankedNames(third));
      expect(await page.locator('.district-ranking .ranking-value').allTextContents()).toEqual(
        districtRanking(expected, third).map((rank) => `${formatPercent(rank.progress.percent, 'zh')} · ${formatMetric(rank.progress, rank.progress.actual, 'zh')}`),
      );
      // PageUp goes back to the first group.
      await page.keyboard.press('PageUp');
      await page.getByTestId('kpi-pager').getByText(`第 1/${pages} 组`).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
