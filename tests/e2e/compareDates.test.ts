import { describe, expect, it } from 'vitest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, openPlanMap, waitForMapIdle } from './support/planMapPage';
import { screenColorsOf } from './support/geodataExpectations';

const session = sampleDistrictSession();

describe('comparing two dates with a swipe', () => {
  it('shows the earlier day west of the divider and today east of it, and the divider moves with the keys', async () => {
    const layer = session.district.layers.find((candidate) => candidate.definition.id === 'old-neighborhoods');
    const completedIndex = layer?.definition.statuses.findIndex((status) => status.id === 'completed') ?? -1;
    const pendingIndex = layer?.definition.statuses.findIndex((status) => status.id === 'pending') ?? -1;
    const colors = layer ? screenColorsOf(layer) : [];
    const completed = colors[completedIndex];
    const pending = colors[pendingIndex];
    if (!completed || !pending) throw new Error('old neighborhoods need pending and completed');
    const others = session.district.manifest.layers.filter((candidate) => candidate.id !== 'old-neighborhoods').map((candidate) => candidate.id);
    // The old town straddles the middle of the map: the divider cuts through it.
    // "Today" is a fixed day after the sample's last change, whatever day the tests run.
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others.join(',')}&compare=2024-03-31&map=14.2/25.00350/102.69350`, {
      fixedTime: new Date('2026-11-26T12:00:00'),
    });
    const west = { fromFraction: 0, toFraction: 0.5 };
    const east = { fromFraction: 0.5, toFraction: 1 };
    const completedWest = await countPixelsNear(page, [completed], 6, west);
    const completedEast = await countPixelsNear(page, [completed], 6, east);
    const pendingWest = await countPixelsNear(page, [pending], 6, west);
    const pendingEast = await countPixelsNear(page, [pending], 6, east);
    expect(pendingWest, 'early 2024: nearly everything still pending').toBeGreaterThan(completedWest * 5);
    expect(completedEast, 'today: much completed').toBeGreaterThan(pendingEast);

    const divider = page.getByTestId('compare-divider');
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await divider.getAttribute('aria-valuenow')).toBe('54');
    await waitForMapIdle(page);
    await page.locator('.compare-close').first().click();
    await waitForMapIdle(page);
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    expect(await countPixelsNear(page, [pending], 6, west)).toBeLessThan(pendingWest);
    expect(errors).toEqual([]);
    await page.close();
  });
});
