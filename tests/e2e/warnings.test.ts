/**
 * 监测预警 in a real Chromium against the real server, on a copy of the sample district whose
 * urban villages carry plan dates, a sum and a share target (tests/support/warningsGeodata.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedDistrictSession } from './support/editedDistrictSession';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';
import { addPlanDates, addSumAndShareTargets, clearPlanDates } from '../support/warningsGeodata';

/** A shared 2-core machine can take a minute to show the first full map: room for two pages. */
const PAGE_TEST_MS = 240_000;
/** "Today" for these pages, whatever day the tests run. */
const CLOCK = new Date('2026-11-26T12:00:00');

const session = editedDistrictSession('warnings', (geodata) => {
  clearPlanDates(geodata);
  addPlanDates(geodata, 'urban-villages', {
    // 福德村, demolishing since 2025-11: planned to be demolished by 2026-10-31, 26 days late.
    'UV-011': { plan_dates: { demolished: '2026-10-31' }, unit_in_charge: '区住建局' },
    // 乌龙村, pending on the renovate branch: to start renovating by 2026-12-10, in 14 days.
    'UV-009': { plan_dates: { renovating: '2026-12-10' }, unit_in_charge: '凤鸣街道办事处' },
    // 瓦窑村, renovated long ago: a plan date it met is no warning.
    'UV-001': { plan_dates: { renovated: '2025-06-30' } },
  });
  addSumAndShareTargets(geodata, 'urban-villages', { target: 90, where: { property: 'plan', equals: 'demolish' } });
  // The tour's fourth scene (old neighbourhoods) asks for the late projects alone.
  const tourPath = join(geodata, 'tour.json');
  const tour = JSON.parse(readFileSync(tourPath, 'utf8')) as { scenes: { id: string; layers?: string[]; warnings?: string }[] };
  const scene = tour.scenes.find((candidate) => candidate.id === 'old-neighborhoods');
  if (!scene) throw new Error('the sample tour has an old-neighborhoods scene');
  Object.assign(scene, { layers: ['urban-villages', 'old-neighborhoods'], warnings: 'late-only' });
  writeFileSync(tourPath, `${JSON.stringify(tour, null, 2)}\n`);
});

describe('监测预警: late projects', () => {
  it('lists an overdue project with its days late, selects it on a click, and narrows the map and figures to late projects', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: CLOCK, viewport: { width: 1366, height: 768 } });
    const button = page.getByTestId('warnings-button');
    await expect.poll(() => button.textContent()).toBe('监测预警逾期 1 个 · 30 天内到期 1 个');
    await button.click();
    const panel = page.getByTestId('warnings-panel');
    expect(await panel.getByTestId('warnings-summary').textContent()).toBe('逾期 1 个 · 30 天内到期 1 个');

    const overdue = panel.locator('.warning-row[data-feature-id="UV-011"]');
    expect(await overdue.getAttribute('data-kind')).toBe('overdue');
    expect(await overdue.getByTestId('warning-days').textContent()).toBe('逾期 26 天');
    const overdueText = await overdue.textContent();
    expect(overdueText).toContain('福德村');
    expect(overdueText).toContain('计划已拆除');
    expect(overdueText).toContain('2026-10-31');
    expect(overdueText).toContain('区住建局');
    expect(await panel.locator('.warning-row[data-feature-id="UV-009"]').getByTestId('warning-days').textContent()).toBe('14 天后到期');
    expect(await panel.locator('.warning-row[data-feature-id="UV-001"]').count()).toBe(0);
    // Grouped by sub-district.
    expect(await panel.locator('.warnings-street', { has: page.locator('[data-feature-id="UV-011"]') }).locator('h4').textContent()).toBe('云溪街道');

    await overdue.click();
    await page.locator('.feature-details[data-feature-id="UV-011"]').waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('feature')).toBe('urban-villages/UV-011');
    expect(await overdue.getAttribute('aria-pressed')).toBe('true');

    await panel.getByLabel('只看预警项目').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('late')).toBe('1');
    const villagesTotal = page.locator('.stats-card[data-layer-id="urban-villages"]').getByTestId('layer-total');
    await expect.poll(() => villagesTotal.textContent()).toMatch(/^2 · /);
    expect(await page.locator('.stats-card[data-layer-id="roads"]').getByTestId('layer-total').textContent()).toMatch(/^0 · /);
    expect(await page.locator('.filter-note').isVisible()).toBe(true);
    await waitForMapIdle(page);

    // A link with the filter reopens it, with the list open.
    const again = await openPlanMap(session.browser, page.url(), { fixedTime: CLOCK, viewport: { width: 1366, height: 768 } });
    expect(await again.page.getByTestId('warnings-panel').getByLabel('只看预警项目').isChecked()).toBe(true);
    await expect.poll(() => again.page.locator('.stats-card[data-layer-id="urban-villages"]').getByTestId('layer-total').textContent()).toMatch(/^2 · /);
    await again.page.close();

    expect(errors).toEqual([]);
    await page.close();
  }, PAGE_TEST_MS);

  it('on an earlier timeline date lists what was late then', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?date=2026-10-20`, { fixedTime: CLOCK });
    await page.getByTestId('warnings-button').click();
    const panel = page.getByTestId('warnings-panel');
    // On 2026-10-20 福德村 was due in 11 days, and 乌龙村 not yet within 30 days.
    expect(await panel.getByTestId('warnings-summary').textContent()).toBe('逾期 0 个 · 30 天内到期 1 个');
    expect(await panel.locator('.warning-row[data-feature-id="UV-011"]').getByTestId('warning-days').textContent()).toBe('11 天后到期');
    expect(errors).toEqual([]);
    await page.close();
  }, PAGE_TEST_MS);

  it('shows a share target as reached / target, and a sum in its unit', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: CLOCK });
    const card = page.locator('.stats-card[data-layer-id="urban-villages"]');
    const share = await card.locator('[data-target-id="done-share"]').getByTestId('target-numbers').textContent();
    expect(share).toMatch(/^已达 [\d.]+% \/ 目标 90%$/);
    const sum = await card.locator('[data-target-id="invest-sum"]').getByTestId('target-numbers').textContent();
    expect(sum).toMatch(/^已完成 [\d.,]+ 亿元 \/ 目标 40 亿元 \([\d.]+%\)$/);

    // The same targets as a CSV of the day shown, from the data export dialog.
    await page.locator('button.export-data').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.export-dialog button.export-targets-download').click()]);
    expect(file.suggestedFilename()).toBe('targets-2026-11-26.csv');
    const path = await file.path();
    const rows = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('图层,目标,指标,单位,目标值,完成值,完成率（%）,按期应完成,期限,进度,滞后,统计日期');
    expect(rows.find((row) => row.startsWith('城中村,完成比例,'))).toMatch(/^城中村,完成比例,"?占比[^,]*"?,%,90,[\d.]+,/);
    expect(rows.find((row) => row.startsWith('城中村,完成投资,'))).toMatch(/,亿元,40,[\d.]+,/);
    expect(errors).toEqual([]);
    await page.close();
  }, PAGE_TEST_MS);

  it('lists the late projects in present mode, legible from across the room', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { fixedTime: CLOCK, viewport: { width: 1920, height: 1080 } });
    // Beside the chart the ranking shows until the presenter asks for the late projects.
    expect(await page.getByTestId('present-warnings').count()).toBe(0);
    await page.locator('.present-late-toggle').click();
    const list = page.getByTestId('present-warnings');
    const first = list.locator('.present-warning').first();
    expect(await first.getAttribute('data-feature-id')).toBe('UV-011');
    expect(await first.textContent()).toContain('逾期 26 天');
    const smallestPixels = await list.evaluate((element) => Math.min(...[...element.querySelectorAll('*')]
      .filter((node) => (node.textContent ?? '').trim() !== '')
      .map((node) => parseFloat(getComputedStyle(node).fontSize))));
    // present.css: nothing below 1.1 % of the width, 21 px at 1080p.
    expect(smallestPixels).toBeGreaterThanOrEqual(21);
    expect(errors).toEqual([]);
    await page.close();
  }, PAGE_TEST_MS);

  it('shows the late projects in a tour scene that asks for them, and only there', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present&tour=4`, { fixedTime: CLOCK, viewport: { width: 1920, height: 1080 } });
    await expect.poll(() => page.getByTestId('present-warnings').locator('.present-warning').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('late')).toBe('1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('present-warnings').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('late')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, PAGE_TEST_MS);
});
