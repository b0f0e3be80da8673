import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseTour } from '../../src/data/parseTour';
import type { Manifest } from '../../src/domain/plan/manifest';
import type { Tour } from '../../src/domain/tour/tour';
import { editedDistrictSession } from './support/editedDistrictSession';
import { openPlanMap } from './support/planMapPage';

const session = editedDistrictSession('tour');
let tour: Tour;

beforeAll(() => {
  tour = parseTour(readFileSync(join(session.geodataDirectory, 'tour.json'), 'utf8'));
});

/** What a person sees of the tour, and what a copied link would carry. */
async function shownScene(page: Page) {
  const params = new URL(page.url()).searchParams;
  return {
    sceneId: await page.getByTestId('tour-card').getAttribute('data-scene-id'),
    position: await page.getByTestId('tour-position').textContent(),
    tour: params.get('tour'),
    date: params.get('date'),
    hidden: (params.get('hide')?.split(',') ?? []).sort(),
  };
}

async function expectScene(page: Page, index: number): Promise<void> {
  const scene = tour.scenes[index];
  if (!scene) throw new Error(`no scene ${index}`);
  const allLayerIds = (JSON.parse(readFileSync(join(session.geodataDirectory, 'layers.json'), 'utf8')) as Manifest).layers.map((layer) => layer.id);
  await expect.poll(() => shownScene(page)).toEqual({
    sceneId: scene.id,
    position: `${index + 1} / ${tour.scenes.length}`,
    tour: String(index + 1),
    date: scene.asOfDate ?? null,
    hidden: allLayerIds.filter((layerId) => scene.layers && !scene.layers.includes(layerId)).sort(),
  });
}

describe('the guided tour, driven by a clicker or keys', () => {
  it('advances and goes back with PageDown/PageUp, arrows, Space, Home and End; F toggles full screen', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: { width: 1920, height: 1080 } });
    await page.locator('.tour-start').click();
    await expectScene(page, 0);
    await page.locator('body').focus();
    await page.keyboard.press('PageDown');
    await expectScene(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectScene(page, 2);
    await page.keyboard.press('PageUp');
    await expectScene(page, 1);
    await page.keyboard.press('End');
    await expectScene(page, tour.scenes.length - 1);
    await page.keyboard.press('PageDown');
    await expectScene(page, tour.scenes.length - 1);
    await page.keyboard.press('Home');
    await expectScene(page, 0);
    await page.keyboard.press(' ');
    await expectScene(page, 1);
    await page.keyboard.press('ArrowLeft');
    await expectScene(page, 0);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('F');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reopens the same scene from a link with its layers and filters from the first paint, even on a slow kiosk PC', async () => {
    const last = tour.scenes.length;
    // Four times slower than this machine: building the map takes seconds, and the scene must not wait for it.
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present&tour=${last}`, {
      viewport: { width: 1920, height: 1080 },
      waitForIdle: false,
      cpuSlowdown: 4,
    });
    await expectScene(page, last - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loops a kiosk back to the start on its timer', async () => {
    const quick = JSON.parse(readFileSync(join(session.geodataDirectory, 'tour.json'), 'utf8')) as Tour;
    quick.durationSeconds = 1;
    for (const scene of quick.scenes) delete scene.durationSeconds;
    writeFileSync(join(session.geodataDirectory, 'tour.json'), JSON.stringify(quick));
    const last = tour.scenes.length;
    const page = await session.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    // Every scene the card shows, in order, whenever it shows it: a busy machine may lag behind the timer.
    await page.addInitScript(() => {
      const shown: string[] = [];
      Object.assign(window, { shownScenes: shown });
      new MutationObserver(() => {
        const scene = document.querySelector('[data-testid="tour-card"]')?.getAttribute('data-scene-id');
        if (scene && shown[shown.length - 1] !== scene) shown.push(scene);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-scene-id'] });
    });
    await page.goto(`${session.server.baseUrl}?mode=present&tour=${last}&kiosk=1`);
    const shownScenes = () => page.evaluate(() => (window as unknown as { shownScenes: string[] }).shownScenes);
    await expect.poll(async () => (await shownScenes()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect((await shownScenes()).slice(0, 3)).toEqual([tour.scenes[last - 1]?.id, tour.scenes[0]?.id, tour.scenes[1]?.id]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
