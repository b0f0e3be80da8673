import { describe, expect, it } from 'vitest';
import { MAP_FOR_TESTS_FLAG } from '../../src/ui/exposeMapForTests';
import { openPlanMap } from './support/planMapPage';
import { sampleDistrictSession } from './support/sampleDistrictSession';

const session = sampleDistrictSession();

const hasPlanMap = () => 'planMap' in window;

describe('window.planMap, the map handle for browser tests', () => {
  it('is there in a page opened by the test browser', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    expect(await page.evaluate(hasPlanMap)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is not there in a page without the test flag, as in production', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Runs after the test browser's own init script, so the page loads as an ordinary one.
    await page.addInitScript(`delete window.${MAP_FOR_TESTS_FLAG};`);
    await page.goto(session.server.baseUrl);
    await page.locator('.map[data-first-full-render]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.evaluate(hasPlanMap)).toBe(false);
    await page.close();
  });
});
