import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, openPlanMap, waitForMapIdle } from './support/planMapPage';

const session = sampleDistrictSession();
/** The urban development boundary's dashed outline (layers.json controlLines). */
const BOUNDARY_PURPLE: [number, number, number] = [0x6a, 0x1b, 0x9a];

function styleState(page: Page) {
  return page.evaluate(() => {
    const map = (window as unknown as { planMap: { getLayer(id: string): unknown; hasImage(id: string): boolean; getLayoutProperty(id: string, name: string): unknown } }).planMap;
    return {
      hatchLayer: map.getLayer('control-eco-red-line-hatch') !== undefined,
      hatchImage: map.hasImage('control-hatch-c62828'),
      boundaryVisibility: map.getLayoutProperty('control-urban-boundary-line', 'visibility'),
    };
  });
}

describe('control lines and conflicts', () => {
  it('draws the control lines, lists a deliberate conflict in the project details and in the conflicts view', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=idle-land/IL-061`, { viewport: { width: 1600, height: 900 } });

    // Drawn above the basemap: the red line hatched with its pattern, the boundary dashed in purple.
    expect(await styleState(page)).toEqual({ hatchLayer: true, hatchImage: true, boundaryVisibility: 'visible' });
    const purpleShown = await countPixelsNear(page, [BOUNDARY_PURPLE], 30);
    expect(purpleShown).toBeGreaterThan(300);
    const boundarySwitch = page.getByRole('checkbox', { name: '显示管控线: 城镇开发边界' });
    await boundarySwitch.uncheck();
    await waitForMapIdle(page);
    expect((await styleState(page)).boundaryVisibility).toBe('none');
    expect(await countPixelsNear(page, [BOUNDARY_PURPLE], 30)).toBeLessThan(purpleShown / 10);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('urban-boundary');
    await boundarySwitch.check();

    // The plot on basic farmland: both conflicts in its card, with area and share.
    const details = page.locator('.feature-details[data-feature-id="IL-061"]');
    const conflicts = details.locator('.feature-conflicts');
    await expect.poll(() => conflicts.locator('li').count(), { timeout: 15_000 }).toBe(2);
    const farmland = await conflicts.locator('li[data-control-line-id="basic-farmland"]').innerText();
    expect(farmland).toContain('永久基本农田');
    expect(farmland).toContain('西部永久基本农田');
    expect(farmland).toMatch(/28\.\d+ 亩/);
    expect(farmland).toContain('占项目 99.2%');
    expect(await conflicts.locator('li[data-control-line-id="urban-boundary"]').innerText()).toContain('位于线外');

    // The conflicts view, grouped by control line; a click opens the project.
    await page.locator('.conflicts-toggle').click();
    const redLineGroup = page.locator('.conflict-group[data-control-line-id="eco-red-line"]');
    await expect.poll(() => redLineGroup.locator('.conflict-project').allInnerTexts(), { timeout: 15_000 }).toEqual(['凤鸣山公园']);
    expect(await page.locator('.conflict-group[data-control-line-id="urban-boundary"] .conflict-project').allInnerTexts()).toEqual(['云溪北片区4号地块', '云溪西片区1号地块']);
    expect(await page.locator('.conflict-count').innerText()).toBe('4');
    await redLineGroup.locator('.conflict-project').click();
    const park = page.locator('.feature-details[data-feature-id="GS-003"]');
    await park.waitFor();
    expect(await park.locator('.feature-conflicts').innerText()).toContain('生态保护红线');
    expect(new URL(page.url()).searchParams.get('feature')).toBe('green-space/GS-003');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
