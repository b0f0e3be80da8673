import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseTour } from '../../src/data/parseTour';
import type { Tour, TourScene } from '../../src/domain/tour/tour';
import { sceneCameraTarget } from '../../src/ui/present/sceneCameraTarget';
import { editedDistrictSession } from './support/editedDistrictSession';
import { readSampleDistrict, type SampleDistrict } from './support/geodataExpectations';
import { openPlanMap } from './support/planMapPage';
import { sceneOnScreen, sceneShownWell } from './support/sceneOnScreen';

const session = editedDistrictSession('tour-camera');
let district: SampleDistrict;
let bundledTour: Tour;

beforeAll(async () => {
  district = await readSampleDistrict(session.geodataDirectory);
  bundledTour = parseTour(readFileSync(join(session.geodataDirectory, 'tour.json'), 'utf8'));
});

/** Waits until the scene's camera has arrived and its subject is on the map, large, and under no panel. */
async function expectSceneInView(page: Page, scene: TourScene, timeout: number): Promise<void> {
  const target = sceneCameraTarget(scene, district.layers, district.manifest.district.bounds);
  const subject = 'bounds' in target ? target : { center: target.center };
  await expect.poll(async () => sceneShownWell(await sceneOnScreen(page, subject), target), { timeout, interval: 250 })
    .toEqual({ settled: true, onMap: true, coveredBy: [], large: true });
}

function noCameraWarnings(warnings: readonly string[]): string[] {
  return warnings.filter((warning) => warning.includes('cannot fit'));
}

describe('the guided tour shows what each caption says', () => {
  for (const screen of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    it(`flies every scene into the part of the map no panel covers, stepping with PageDown, at ${screen.width}×${screen.height}`, async () => {
      const { page, errors, warnings } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { viewport: screen });
      await page.locator('.tour-start').click();
      for (const [index, scene] of bundledTour.scenes.entries()) {
        if (index > 0) await page.keyboard.press('PageDown');
        await expect.poll(() => page.getByTestId('tour-card').getAttribute('data-scene-id')).toBe(scene.id);
        await expectSceneInView(page, scene, 20_000);
      }
      expect(noCameraWarnings(warnings)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 240_000);
  }

  it('shows every scene again on the kiosk\'s second loop, the overview included', async () => {
    const byId = (id: string) => bundledTour.scenes.find((scene) => scene.id === id);
    const scenes = [byId('overview'), byId('old-neighborhoods'), byId('roads')].map((scene) => {
      if (!scene) throw new Error('the bundled tour lacks a scene this test uses');
      return { ...scene, durationSeconds: 6 };
    });
    const kioskTour: Tour = { ...bundledTour, scenes };
    writeFileSync(join(session.geodataDirectory, 'tour.json'), JSON.stringify(kioskTour));
    const { page, errors, warnings } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present&tour=1&kiosk=1`, {
      viewport: { width: 1366, height: 768 },
      waitForIdle: false,
    });
    for (const _loop of ['first', 'second']) {
      for (const scene of scenes) {
        await expect.poll(() => page.getByTestId('tour-card').getAttribute('data-scene-id'), { timeout: 15_000 }).toBe(scene.id);
        await expectSceneInView(page, scene, 5_500);
      }
    }
    expect(noCameraWarnings(warnings)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
