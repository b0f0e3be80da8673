import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import type { PlanTarget } from '../../src/domain/plan/manifest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';

const session = sampleDistrictSession();
/** "Today" for these pages: the plan's progress on a fixed day, whatever day the tests run. */
const TODAY = '2026-11-26';
const CLOCK = new Date(`${TODAY}T12:00:00`);

function villages() {
  const layer = session.district.layers.find((candidate) => candidate.definition.id === 'urban-villages');
  if (!layer) throw new Error('the sample district has urban villages');
  return layer;
}

function targetOf(targetId: string): PlanTarget {
  const target = villages().definition.targets.find((candidate) => candidate.id === targetId);
  if (!target) throw new Error(`no target ${targetId}`);
  return target;
}

/** Counted straight from the features: the villages of the target's kind whose status on TODAY counts, optionally only those passing `shown`. */
function countedVillages(targetId: string, shown: (street: string, status: string) => boolean = () => true): number {
  const target = targetOf(targetId);
  return villages().features.filter((feature) => {
    const status = statusAsOf(feature.properties, TODAY);
    const properties = feature.properties as Record<string, unknown>;
    return status !== null && target.countedStatuses.includes(status)
      && (!target.where || properties[target.where.property] === target.where.equals)
      && shown(feature.properties.street ?? '', status);
  }).length;
}

function targetNumbers(page: Page, targetId: string) {
  return page.locator(`.stats-card[data-layer-id="urban-villages"] [data-target-id="${targetId}"] [data-testid="target-numbers"]`).textContent();
}

function targetPart(page: Page, targetId: string) {
  return page.locator(`.stats-card[data-layer-id="urban-villages"] [data-target-id="${targetId}"] [data-testid="target-part"]`).textContent();
}

describe('a target\'s progress is a fact of the plan: filters show a part of it, never replace it', () => {
  it('keeps every target whole on the browse screen when statuses or a sub-district are chosen, and says what part the map shows', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: CLOCK, viewport: { width: 1366, height: 768 } });
    const demolished = countedVillages('uv-demolish');
    const renovated = countedVillages('uv-renovate');
    expect(renovated).toBeGreaterThan(0);
    const wholeRenovate = await targetNumbers(page, 'uv-renovate');
    expect(wholeRenovate).toContain(`已完成 ${renovated} / 目标 ${targetOf('uv-renovate').target}`);

    // Two statuses of the demolition lifecycle: the renovation target must not drop to 0.
    const legend = page.locator('.layer-card[data-layer-id="urban-villages"]');
    await legend.locator('button[data-status-id="demolishing"]').click();
    await legend.locator('button[data-status-id="demolished"]').click();
    await waitForMapIdle(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('urban-villages:demolishing,demolished');
    expect(await targetNumbers(page, 'uv-renovate')).toBe(wholeRenovate);
    expect(await targetPart(page, 'uv-renovate')).toBe('其中当前筛选：0');
    expect(await targetPart(page, 'uv-demolish')).toBe(`其中当前筛选：${demolished}`);

    // One sub-district: its count is a part of the district's, compared with nothing but that.
    await page.locator('.filter-note .link-button').click();
    const street = villages().features.find((feature) => statusAsOf(feature.properties, TODAY) === 'demolished')?.properties.street ?? '';
    await page.locator('.street-filter summary').click();
    await page.locator('.street-filter label', { hasText: street }).locator('input').check();
    await waitForMapIdle(page);
    const inStreet = countedVillages('uv-demolish', (candidate) => candidate === street);
    expect(inStreet).toBeLessThan(demolished);
    await expect.poll(() => targetPart(page, 'uv-demolish')).toBe(`其中${street}：${inStreet}`);
    expect(await targetNumbers(page, 'uv-demolish')).toContain(`已完成 ${demolished} / 目标 ${targetOf('uv-demolish').target}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a KPI tile\'s figures whole in present mode when the tile or a sub-district bar filters the map', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { fixedTime: CLOCK, viewport: { width: 1920, height: 1080 } });
    const tile = page.locator('.kpi-tile[data-layer-id="urban-villages"]');
    const renovate = tile.locator('[data-target-id="uv-renovate"] .kpi-secondary-value');
    const wholeRenovate = `${countedVillages('uv-renovate')} / ${targetOf('uv-renovate').target}`;
    expect(await renovate.textContent()).toBe(wholeRenovate);
    await tile.click();
    await waitForMapIdle(page);
    expect(await tile.getAttribute('aria-pressed')).toBe('true');
    // The tile now shows only demolished villages on the map; its renovation figure stays the plan's.
    expect(await renovate.textContent()).toBe(wholeRenovate);
    await tile.click();

    const demolished = countedVillages('uv-demolish');
    const bar = page.locator('.ranking-row').first();
    const street = await bar.getAttribute('data-street') ?? '';
    await bar.click();
    await waitForMapIdle(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('street')).toBe(street);
    expect(await tile.getByTestId('kpi-actual').textContent()).toBe(`${demolished} / ${targetOf('uv-demolish').target}`);
    expect(await tile.getByTestId('kpi-part').textContent()).toBe(`其中${street}：${countedVillages('uv-demolish', (candidate) => candidate === street)}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
