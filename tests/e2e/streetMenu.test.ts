import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { namedAreasBounds } from '../../src/domain/streets/namedAreasBounds';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, openPlanMap, waitForMapIdle } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';

const session = sampleDistrictSession();
const streets = JSON.parse(readFileSync(resolve(projectDirectory, 'geodata/basemap/streets.geojson'), 'utf8')) as FeatureCollection;
/** The outline of chosen sub-districts on the light basemap (basemapStyle's chosenStreet). */
const CHOSEN_OUTLINE: [number, number, number] = [0x1d, 0x5f, 0xd1];

const menuOpen = (page: Page) => page.locator('.street-filter').evaluate((details) => (details as HTMLDetailsElement).open);

/** The box of the sub-district on screen, and the map's size, in CSS pixels. */
function streetOnScreen(page: Page, bounds: [number, number, number, number]) {
  return page.evaluate((box) => {
    const map = (window as unknown as { planMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement; isMoving(): boolean } }).planMap;
    const southWest = map.project([box[0], box[1]]);
    const northEast = map.project([box[2], box[3]]);
    const { clientWidth, clientHeight } = map.getContainer();
    return { left: southWest.x, right: northEast.x, top: northEast.y, bottom: southWest.y, width: clientWidth, height: clientHeight, moving: map.isMoving() };
  }, bounds);
}

describe('the sub-district menu', () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    it(`closes on Esc and on a click outside, and shows a chosen sub-district whole and outlined, at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { viewport });
      const summary = page.locator('.street-filter summary');
      await summary.click();
      expect(await menuOpen(page)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await menuOpen(page)).toBe(false);
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
      await summary.click();
      expect(await menuOpen(page)).toBe(true);
      await page.mouse.click(viewport.width / 2, viewport.height / 2);
      expect(await menuOpen(page)).toBe(false);

      const name = '云溪街道';
      const bounds = namedAreasBounds(streets, [name]);
      if (!bounds) throw new Error(`the sample basemap has ${name}`);
      expect(await countPixelsNear(page, [CHOSEN_OUTLINE], 12)).toBe(0);
      await summary.click();
      await page.locator('.street-filter label', { hasText: name }).locator('input').check();
      await expect.poll(async () => {
        const box = await streetOnScreen(page, bounds);
        const inside = box.left >= 0 && box.top >= 0 && box.right <= box.width && box.bottom <= box.height;
        const large = box.right - box.left >= box.width / 3 || box.bottom - box.top >= box.height / 3;
        return { settled: !box.moving, inside, large };
      }, { timeout: 15_000 }).toEqual({ settled: true, inside: true, large: true });
      await waitForMapIdle(page);
      expect(await countPixelsNear(page, [CHOSEN_OUTLINE], 12)).toBeGreaterThan(500);
      expect(new URL(page.url()).searchParams.get('street')).toBe(name);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
