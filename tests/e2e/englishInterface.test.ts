import { describe, expect, it } from 'vitest';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { openPlanMap } from './support/planMapPage';

const session = sampleDistrictSession();
const TODAY = '2026-11-26';

describe('the English interface', () => {
  it('counts one project as "1 project" and a part of a target in English', async () => {
    const layer = session.district.layers.find((candidate) => candidate.definition.id === 'urban-villages');
    if (!layer) throw new Error('the sample district has urban villages');
    // A sub-district and a status that only one village has on the day shown.
    const groups = new Map<string, number>();
    for (const feature of layer.features) {
      const key = `${feature.properties.street ?? ''}\u0000${statusAsOf(feature.properties, TODAY) ?? ''}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const single = [...groups].find(([key, count]) => count === 1 && !key.endsWith('\u0000'))?.[0];
    if (!single) throw new Error('no sub-district has a status only one village has');
    const [street = '', status = ''] = single.split('\u0000');
    const url = `${session.server.baseUrl}?lang=en&status=urban-villages:${status}&street=${encodeURIComponent(street)}`;
    const { page, errors } = await openPlanMap(session.browser, url, { fixedTime: new Date(`${TODAY}T12:00:00`) });
    expect(await page.locator('.stats-card[data-layer-id="urban-villages"] [data-testid="target-part"]').first().textContent())
      .toMatch(/^Of which the current filter: \d+$/);
    await page.locator('button.export-data').click();
    const dialog = page.locator('.export-dialog');
    await dialog.locator('select[name="layer"]').selectOption('urban-villages');
    await dialog.locator('input[name="format"][value="csv"]').check();
    expect(await dialog.locator('label', { has: page.locator('input[name="scope"][value="filtered"]') }).innerText()).toBe('Current filter (1)');
    await Promise.all([page.waitForEvent('download'), dialog.locator('button.export-download').click()]);
    await expect.poll(() => dialog.locator('.export-done').textContent()).toMatch(/^Exported urban-villages-[\d-]+\.csv: 1 project\.$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
