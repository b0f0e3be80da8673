import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { districtStats } from '../../src/domain/progress/districtStats';
import { formatMetric, formatPercent } from '../../src/domain/format/formatMeasure';
import { utcDayNumber } from '../../src/domain/progress/targetProgress';
import { projectDirectory } from './support/startPlanMapServer';
import { countPixelsNear, openPlanMap, waitForMapIdle } from './support/planMapPage';
import { screenColorsOf } from './support/geodataExpectations';
import { DARK_PAPER } from '../../src/map/basemapStyle';
import { compareSnapshot } from './support/compareSnapshot';
import { layoutProblems } from './support/layoutProblems';
import { presentRoom } from './support/presentRoom';

/** The day the snapshots were taken: the page's clock is frozen to it. */
const SNAPSHOT_DAY = new Date('2026-11-26T12:00:00');
const PANELS = '.present-header, .present-actions, .kpi-tile, .present-side, .timeline-large';
const SCREENS = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '3840x2160', width: 3840, height: 2160 },
  { name: '3840x1080', width: 3840, height: 1080 },
];

const session = sampleDistrictSession();

const filterOf = (statusFilters: Record<string, string[]>, streets: string[]) => ({
  layers: Object.fromEntries(session.district.manifest.layers.map((layer) => [layer.id, { statuses: statusFilters[layer.id] ?? [], streets }])),
});

describe('presentation mode on large screens', () => {
  for (const screen of SCREENS) {
    it(`is legible at ${screen.name}: nothing overflows or overlaps, text is large enough, and it matches its snapshot`, async () => {
      const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, {
        viewport: { width: screen.width, height: screen.height },
        fixedTime: SNAPSHOT_DAY,
      });
      const report = await layoutProblems(page, PANELS);
      expect(report.overflowing).toEqual([]);
      expect(report.overlapping).toEqual([]);
      // 1.1 of the screen unit (--u): 21 px on a 1080p screen, about 16 mm on a 65-inch one, what
      // reading from three metres needs (15 mm); 42 px on a 4K screen of the same size.
      const screenUnit = Math.min(screen.width / 100, (screen.height * 1.7778) / 100);
      const legible = 1.1 * screenUnit - 0.01;
      expect(report.smallestFontPixels, `smallest text: "${report.smallestFontText}"`).toBeGreaterThanOrEqual(legible);
      const room = await presentRoom(page);
      expect(room.smallestMapLabelPixels, 'smallest map label').toBeGreaterThanOrEqual(legible);
      expect(room.scaleBarFontPixels, 'scale bar text').toBeGreaterThanOrEqual(legible);
      expect(room.zoomButtonPixels, 'zoom buttons').toBeGreaterThanOrEqual(2.4 * screenUnit);
      // The map is drawn at the screen's own resolution, not stretched.
      expect(room.canvasPixels).toEqual({ width: screen.width, height: screen.height });
      // Most of the screen is map, and no panel is mostly empty.
      expect(room.uncoveredMapFraction).toBeGreaterThan(0.55);
      expect(room.rankingFilledFraction).toBeGreaterThan(0.85);
      const comparison = compareSnapshot(
        await page.screenshot(),
        resolve(projectDirectory, `tests/e2e/__snapshots__/present-${screen.name}.png`),
        screen.width > 1920 ? 4 : 2,
      );
      expect(comparison.differingFraction, 'see the .actual.png written beside the snapshot').toBeLessThan(0.02);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }

  it('filters the map to a layer\'s completed projects when its KPI tile is clicked, and back', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: { width: 1920, height: 1080 } });
    const villages = session.district.manifest.layers.find((layer) => layer.id === 'urban-villages');
    const counted = villages?.targets[0]?.countedStatuses ?? [];
    const pending = villages?.statuses[0];
    if (!pending || counted.length === 0) throw new Error('urban villages need statuses and a target');
    const tile = page.locator('.kpi-tile[data-layer-id="urban-villages"]');
    await tile.click();
    await waitForMapIdle(page);
    expect(new URL(page.url()).searchParams.get('status')).toBe(`urban-villages:${counted.join(',')}`);
    expect(await tile.getAttribute('aria-pressed')).toBe('true');
    await tile.click();
    await waitForMapIdle(page);
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to a sub-district when its ranking bar is clicked: each KPI keeps the whole district\'s figure and shows that sub-district\'s part', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: { width: 1920, height: 1080 } });
    const asOfDate = await page.getByTestId('present-date').textContent() ?? '';
    const first = page.locator('.ranking-row').first();
    const street = await first.getAttribute('data-street') ?? '';
    await first.click();
    await waitForMapIdle(page);
    expect(new URL(page.url()).searchParams.get('street')).toBe(street);
    const whole = districtStats(session.district.manifest, session.district.layers, filterOf({}, []), asOfDate);
    const narrowed = districtStats(session.district.manifest, session.district.layers, filterOf({}, [street]), asOfDate);
    for (const summary of whole.layers) {
      const progress = summary.targets[0];
      if (!progress) continue;
      const tile = page.locator(`.kpi-tile[data-layer-id="${summary.layerId}"]`);
      expect(await tile.getByTestId('kpi-actual').textContent()).toBe(
        `${formatMetric(progress, progress.actual, 'zh')} / ${formatMetric(progress, progress.target, 'zh')}`,
      );
      const part = narrowed.layers.find((layer) => layer.layerId === summary.layerId)?.targetsInView?.[0]?.actual ?? 0;
      if (part !== progress.actual) expect(await tile.getByTestId('kpi-part').textContent()).toBe(`其中${street}：${formatMetric(progress, part, 'zh')}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the district as it was on any day of the timeline, with the numbers the domain computes for it, and plays forward', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: { width: 1920, height: 1080 } });
    const day = '2025-03-31';
    const villages = session.district.layers.find((layer) => layer.definition.id === 'urban-villages');
    const demolishedIndex = villages?.definition.statuses.findIndex((status) => status.id === 'demolished') ?? -1;
    const demolishedColor = villages ? screenColorsOf(villages, DARK_PAPER)[demolishedIndex] : undefined;
    if (!demolishedColor) throw new Error('urban villages have no "demolished" status');
    const demolishedPixelsToday = await countPixelsNear(page, [demolishedColor], 8);
    expect(demolishedPixelsToday).toBeGreaterThan(200);
    await page.locator('.timeline-large input[type="range"]').fill(String(utcDayNumber(day)));
    await waitForMapIdle(page);
    expect(await page.getByTestId('present-date').textContent()).toBe(day);
    expect(new URL(page.url()).searchParams.get('date')).toBe(day);
    const expected = districtStats(session.district.manifest, session.district.layers, filterOf({}, []), day);
    for (const summary of expected.layers) {
      const progress = summary.targets[0];
      if (!progress) continue;
      const tile = page.locator(`.kpi-tile[data-layer-id="${summary.layerId}"]`);
      expect(await tile.getByTestId('kpi-percent').textContent()).toBe(formatPercent(progress.percent, 'zh'));
    }
    // Fewer villages had been demolished then: less of the "demolished" colour on the map, about in
    // proportion to their area (other layers, labels and the late projects' rings hide a little of it).
    const demolishedArea = (date: string) => districtStats(session.district.manifest, session.district.layers, filterOf({}, []), date)
      .layers.find((layer) => layer.layerId === 'urban-villages')?.stats.byStatus.demolished?.areaSquareMeters ?? 0;
    const areaRatio = demolishedArea(day) / demolishedArea(await page.evaluate(() => new Date().toISOString().slice(0, 10)));
    expect(areaRatio).toBeLessThan(0.6);
    expect(await countPixelsNear(page, [demolishedColor], 8)).toBeLessThan(demolishedPixelsToday * (areaRatio + 0.2));
    await page.locator('.timeline-large input[type="range"]').focus();
    await page.keyboard.press('Home');
    expect(await page.getByTestId('present-date').textContent()).toBe(session.district.manifest.district.planStart);
    // Play walks forward from the plan's start toward today.
    await page.locator('.timeline-large .timeline-play').click();
    const dateShown = async () => (await page.getByTestId('present-date').textContent()) ?? '';
    await expect.poll(dateShown, { timeout: 10_000 }).not.toBe(session.district.manifest.district.planStart);
    const first = await dateShown();
    await expect.poll(dateShown, { timeout: 10_000 }).not.toBe(first);
    expect((await dateShown()) > first).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
