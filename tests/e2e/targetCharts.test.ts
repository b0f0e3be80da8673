import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';
import { districtStats } from '../../src/domain/progress/districtStats';
import { targetSeries } from '../../src/domain/progress/targetSeries';
import { formatMetric, formatPercent } from '../../src/domain/format/formatMeasure';
import { utcDayNumber } from '../../src/domain/progress/targetProgress';
import { chartFrame, xFraction } from '../../src/ui/chart/chartFrame';
import { stepDate } from '../../src/ui/chart/stepDate';

/** The page's clock is frozen to this day: "today" on the timeline and the end of every chart. */
const TODAY = '2026-11-26';
const FIXED_TIME = new Date(`${TODAY}T12:00:00`);

const session = sampleDistrictSession();

function seriesOf(layerId: string, targetIndex = 0) {
  const layer = session.district.layers.find((candidate) => candidate.definition.id === layerId);
  const target = layer?.definition.targets[targetIndex];
  if (!layer || !target) throw new Error(`the sample has no target ${targetIndex} on ${layerId}`);
  return targetSeries(target, layer, { planStart: session.district.manifest.district.planStart, today: TODAY });
}

/** The progress numbers the panel must show for a layer's targets on a day, as the domain computes them. */
function expectedNumbers(layerId: string, asOfDate: string): string[] {
  const summary = districtStats(session.district.manifest, session.district.layers, { layers: {} }, asOfDate).layers.find((layer) => layer.layerId === layerId);
  return (summary?.targets ?? []).map((progress) =>
    `已完成 ${formatMetric(progress, progress.actual, 'zh')} / 目标 ${formatMetric(progress, progress.target, 'zh')} (${formatPercent(progress.percent, 'zh')})`);
}

/** The page point over a chart's plot at the given date. */
async function pointAt(page: Page, plotSelector: string, fraction: number) {
  const plot = page.locator(plotSelector);
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error(`${plotSelector} is not on screen`);
  return { x: box.x + fraction * box.width, y: box.y + box.height / 2 };
}

const shownDate = (page: Page, testId = 'timeline-date') => page.getByTestId(testId).getAttribute('datetime');
const daysBetween = (left: string | null, right: string) => Math.abs(utcDayNumber(left ?? '') - utcDayNumber(right));

describe('progress over time', () => {
  it('draws a chart per target in the statistics panel; a click or a drag on it sets the date and the numbers follow', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { viewport: { width: 1600, height: 1000 }, fixedTime: FIXED_TIME });
    const targetCount = session.district.manifest.layers.reduce((sum, layer) => sum + layer.targets.length, 0);
    await expect.poll(() => page.locator('.stats-card .target-chart').count()).toBe(targetCount);
    const card = page.locator('.stats-card[data-layer-id="urban-villages"]');
    const numbers = () => card.getByTestId('target-numbers').allTextContents();
    expect(await numbers()).toEqual(expectedNumbers('urban-villages', TODAY));

    // A click at 1 February 2025 on the first target's chart: the timeline moves there (a pixel is
    // under a day wide or so), and every number of the layer is that day's.
    const series = seriesOf('urban-villages');
    const frame = chartFrame(series);
    const plot = '.stats-card [data-chart-target-id="uv-demolish"] .target-chart-plot';
    const clicked = await pointAt(page, plot, xFraction(frame, '2025-02-01'));
    await page.mouse.click(clicked.x, clicked.y);
    await waitForMapIdle(page);
    const dateAfterClick = await shownDate(page);
    expect(daysBetween(dateAfterClick, '2025-02-01')).toBeLessThanOrEqual(3);
    expect(new URL(page.url()).searchParams.get('date')).toBe(dateAfterClick);
    const thatDay = expectedNumbers('urban-villages', dateAfterClick ?? '');
    expect(thatDay).not.toEqual(expectedNumbers('urban-villages', TODAY));
    await expect.poll(numbers).toEqual(thatDay);
    const chartActual = await page.locator(`${plot.replace(' .target-chart-plot', '')} [data-testid="chart-actual"]`).textContent();
    expect(await card.locator('[data-target-id="uv-demolish"] [data-testid="target-numbers"] strong').first().textContent()).toBe(chartActual);

    // Dragging from there to mid-2024 follows the pointer.
    const to = await pointAt(page, plot, xFraction(frame, '2024-07-01'));
    await page.mouse.move(clicked.x, clicked.y);
    await page.mouse.down();
    await page.mouse.move((clicked.x + to.x) / 2, to.y, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 3 });
    await page.mouse.up();
    await waitForMapIdle(page);
    const dateAfterDrag = await shownDate(page);
    expect(daysBetween(dateAfterDrag, '2024-07-01')).toBeLessThanOrEqual(3);
    await expect.poll(numbers).toEqual(expectedNumbers('urban-villages', dateAfterDrag ?? ''));

    // The keyboard: → goes to the next day the figure changed.
    await page.locator(plot).focus();
    await page.keyboard.press('ArrowRight');
    expect(await shownDate(page)).toBe(stepDate(series, dateAfterDrag ?? '', TODAY, 'ArrowRight'));
    await page.keyboard.press('End');
    expect(await shownDate(page)).toBe(TODAY);
    expect(new URL(page.url()).searchParams.get('date')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows the focused layer\'s chart large in present mode, legible from three metres, and sets the date on a click', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: { width: 1920, height: 1080 }, fixedTime: FIXED_TIME });
    const chart = page.locator('.present-charts .target-chart');
    await expect.poll(() => chart.count()).toBe(1);
    const sizes = await chart.evaluate((element) => {
      const pixels = (selector: string) => [...element.querySelectorAll(selector)].map((node) => parseFloat(getComputedStyle(node).fontSize));
      const line = element.querySelector('.chart-actual');
      return {
        axis: pixels('.target-chart-axis span'),
        legend: pixels('.target-chart-legend > span'),
        actualLinePixels: line ? parseFloat(getComputedStyle(line).strokeWidth) : 0,
        plotHeight: element.querySelector('.target-chart-plot')?.getBoundingClientRect().height ?? 0,
      };
    });
    // Year labels and words at the room's smallest size (21 px at 1080p, present.css --text-min).
    expect(sizes.axis.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...sizes.axis)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...sizes.legend)).toBeGreaterThanOrEqual(20);
    expect(sizes.actualLinePixels).toBeGreaterThanOrEqual(5);
    expect(sizes.plotHeight).toBeGreaterThanOrEqual(100);
    expect(await chart.locator('.target-chart-legend').textContent()).toMatch(/实际.*匀速进度.*目标/);

    const series = seriesOf('urban-villages');
    const clicked = await pointAt(page, '.present-charts .target-chart-plot', xFraction(chartFrame(series), '2025-06-01'));
    await page.mouse.click(clicked.x, clicked.y);
    await waitForMapIdle(page);
    const date = await shownDate(page, 'present-date');
    expect(daysBetween(date, '2025-06-01')).toBeLessThanOrEqual(3);
    const progress = districtStats(session.district.manifest, session.district.layers, { layers: {} }, date ?? '').layers[0]?.targets[0];
    if (!progress) throw new Error('urban villages have no target');
    await expect.poll(() => page.locator('.kpi-tile[data-layer-id="urban-villages"]').getByTestId('kpi-actual').textContent())
      .toBe(`${formatMetric(progress, progress.actual, 'zh')} / ${formatMetric(progress, progress.target, 'zh')}`);
    expect(await chart.getByTestId('chart-actual').textContent()).toBe(formatMetric(progress, progress.actual, 'zh'));

    // Another target of the layer, chosen on its button.
    await page.locator('.present-chart-choices button', { hasText: '拆除腾退面积' }).click();
    expect(await chart.getAttribute('data-chart-target-id')).toBe('uv-demolish-area');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
