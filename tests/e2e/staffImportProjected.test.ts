/**
 * The whole import: a staff member drops a surveyor's projected shapefile with Chinese (GBK)
 * attributes, sees it reprojected and validated while a progress bar runs, maps its columns to
 * the layer's fields, reviews what the save adds, saves, and the server's file holds the new
 * projects at the right places. And a large import can be cancelled with nothing imported.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { areaSquareMeters } from '../../src/domain/measure/areaSquareMeters';
import { formatLayerMeasure } from '../../src/domain/format/formatMeasure';
import { SURVEY_PARCELS } from '../fixtures/import/surveyParcels';
import { openPlanMap } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();
const LAYER = 'urban-villages';

interface StoredFeature {
  id: string;
  geometry: { type: string; coordinates: number[][][] };
  properties: Record<string, unknown>;
}
const readLayer = async (): Promise<{ features: StoredFeature[] }> => JSON.parse(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as { features: StoredFeature[] };

/** Records every stage the import's progress bar shows, so a quick import's progress is not missed. */
async function recordProgressStages(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressStages: string[] }).progressStages = seen;
    new MutationObserver(() => {
      const stage = document.querySelector('.import-progress')?.getAttribute('data-stage');
      if (stage && seen[seen.length - 1] !== stage) seen.push(stage);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
  });
  return () => page.evaluate(() => (window as unknown as { progressStages: string[] }).progressStages);
}

describe('staff import a surveyor\'s projected shapefile', () => {
  it('reprojects and validates it with progress, maps its Chinese columns, shows what it adds, and saves it in WGS 84', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    const before = await readLayer();
    const stages = await recordProgressStages(page);
    await page.locator('.import-file-input').setInputFiles(join(projectDirectory, 'tests/fixtures/import/gk4543-survey-gbk.zip'));
    const panel = page.locator('.import-panel');
    await panel.locator('.import-progress[data-stage="done"]').waitFor();
    expect(await panel.locator('.import-progress').innerText()).toContain('读取并检查完毕：3 个要素');
    expect((await stages()).filter((stage) => stage !== 'done').length).toBeGreaterThan(0);

    // Reprojected from the .prj's CRS and decoded from GBK; structurally valid, but without plan fields.
    expect(await panel.locator('.import-warnings li[data-code="REPROJECTED"]').innerText()).toContain('EPSG:4543');
    expect(await panel.locator('input[name="crs"]').inputValue()).toBe('EPSG:4543');
    expect(await panel.locator('.import-sample').innerText()).toContain('东岗村');
    expect(await panel.locator('.import-problems').count()).toBe(0);
    await panel.locator('.mapping-needed').waitFor();

    // The columns are suggested by their Chinese names; the statuses by the lifecycle's labels.
    const mapped = async (field: string) => panel.locator(`select[name="map-${field}"]`).inputValue();
    // The surveyor's numbers (BH) do not follow the layer's ids (UV-030): the app numbers the parcels.
    expect(await Promise.all(['id', 'name', 'status', 'statusDate', 'street', 'plan', 'households'].map(mapped))).toEqual(['', '项目名称', '状态', '批复日期', '街道', '实施方式', '户数']);
    const statusOf = (value: string) => panel.locator(`select[data-source-value="${value}"]`).inputValue();
    expect([await statusOf('已拆除'), await statusOf('征收中'), await statusOf('不详')]).toEqual(['demolished', 'expropriating', '']);

    expect(await panel.locator('.import-blocked[data-reason="mapping"]').count()).toBe(1);
    expect(await panel.locator('button.preview-import').isDisabled()).toBe(true);
    // Unknown statuses are being demolished.
    await panel.locator('select[name="default-status"]').selectOption('demolishing');
    await panel.locator('input[name="default-status-date"]').fill('2025-06-30');
    await panel.locator('button.apply-mapping').click();
    // Checked against the layer schema: one parcel has no 实施方式, which the layer requires.
    const required = panel.locator('.import-problems li[data-code="ATTRIBUTE_REQUIRED"]');
    await required.waitFor();
    expect(await required.innerText()).toContain('UV-033');
    expect(await panel.locator('button.preview-import').isDisabled()).toBe(true);

    await panel.locator('select[name="default-plan"]').selectOption('demolish');
    await panel.locator('button.apply-mapping').click();
    await panel.locator('.import-problems').waitFor({ state: 'detached' });
    // Mapped: the red banner asking for a mapping has done its job and is gone.
    expect(await panel.locator('.mapping-needed').count()).toBe(0);
    expect(await panel.locator('.mapping-summary').innerText()).toContain('3 个要素生成了编号，1 个要素使用默认状态');

    // Added to the layer (the default), not replacing it: three new projects, each with its area.
    expect(await panel.locator('input[name="import-mode"][value="merge"]').isChecked()).toBe(true);
    expect(await panel.getByTestId('diff-added').innerText()).toBe('3 UV-031, UV-032, UV-033');
    expect(await panel.getByTestId('diff-removed').innerText()).toBe('0');
    const rows = panel.getByTestId('diff-added-list').locator('tr');
    expect(await rows.allInnerTexts()).toEqual(SURVEY_PARCELS.map((parcel, index) => {
      const area = formatLayerMeasure('ha', areaSquareMeters({ type: 'Polygon', coordinates: parcel.rings }), 0, 'zh');
      return `UV-03${index + 1}\t${parcel.项目名称}\t${area}`;
    }));

    await panel.locator('button.preview-import').click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await panel.locator('button.save-import').click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();

    const stored = await readLayer();
    expect(stored.features.slice(0, before.features.length)).toEqual(before.features);
    const added = stored.features.slice(before.features.length);
    expect(added.map((feature) => [feature.id, feature.properties])).toEqual([
      ['UV-031', { name: '东岗村', status: 'demolished', history: [{ date: '2025-03-01', status: 'demolished' }], street: '凤鸣街道', plan: 'demolish', households: 120 }],
      ['UV-032', { name: '西岗村（二期）', status: 'expropriating', history: [{ date: '2025-06-30', status: 'expropriating' }], street: '海埂街道', plan: 'renovate', households: 85 }],
      ['UV-033', { name: '南湾村', status: 'demolishing', history: [{ date: '2024-06-15', status: 'demolishing' }], street: '海埂街道', plan: 'demolish', households: 0 }],
    ]);
    SURVEY_PARCELS.forEach((parcel, index) => {
      const geometry = added[index]?.geometry;
      expect(geometry?.type).toBe('Polygon');
      expect(geometry?.coordinates).toHaveLength(parcel.rings.length);
      parcel.rings.forEach((ring, ringIndex) => {
        const storedRing = geometry?.coordinates[ringIndex] ?? [];
        expect(storedRing).toHaveLength(ring.length);
        for (const [lon, lat] of ring)
          expect(storedRing.some(([x = NaN, y = NaN]) => Math.abs(x - lon) <= 1e-6 && Math.abs(y - lat) <= 1e-6), `${parcel.项目名称} ${lon},${lat}`).toBe(true);
      });
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('cancels a large import while it is being checked: the page stays live, the panel closes and nothing is imported', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    const storedBefore = await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`));
    // From a path, as a user picks a file: a 30 MB buffer sent through the browser protocol can take
    // longer than the action's timeout on a busy machine, and that is not what this test is about.
    const folder = await mkdtemp(join(tmpdir(), 'plan-map-large-import-'));
    const largeFile = join(folder, 'large.geojson');
    await writeFile(largeFile, largeLayerText(50_000));
    // The page reads the file when the import needs it: it stays until the test ends.
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    await page.locator('.import-file-input').setInputFiles(largeFile);
    const panel = page.locator('.import-panel');
    // Any stage of the worker's check (parsing, structure, geometry, attributes) is a moment to cancel in.
    const checking = panel.locator(['parsing', 'structure', 'geometry', 'attributes'].map((stage) => `.import-progress[data-stage="${stage}"]`).join(', '));
    await checking.waitFor();
    // The progress moves on while the worker works: the page is not frozen.
    const shown = await checking.textContent();
    await page.waitForFunction((text) => document.querySelector('.import-progress')?.textContent !== text, shown);
    // Cancelling stops the work itself: the import's worker is terminated, not left running unseen.
    const importWorker = page.workers().find((worker) => worker.url().includes('import.worker'));
    if (!importWorker) throw new Error('the import does not run in a worker');
    const workerClosed = new Promise<void>((resolve) => importWorker.once('close', () => resolve()));
    await panel.locator('button.cancel-import').click();
    await workerClosed;

    await panel.waitFor({ state: 'detached' });
    expect(await page.locator('.edit-layer .unsaved-indicator').count()).toBe(0);
    expect(await page.locator('.import-file-input').count()).toBe(1);
    expect(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`))).toEqual(storedBefore);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

/** A plan layer of `count` small 24-gons in the district, with every plan field, as GeoJSON text (about 30 MB). */
function largeLayerText(count: number): string {
  const micro = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;
  const features = Array.from({ length: count }, (_, index) => {
    const lon = 102.63 + (index % 250) * 0.0005;
    const lat = 24.94 + Math.floor(index / 250) * 0.0005;
    const ring = Array.from({ length: 24 }, (_, corner) => [micro(lon + 0.0002 * Math.cos((corner * Math.PI) / 12)), micro(lat + 0.0002 * Math.sin((corner * Math.PI) / 12))]);
    return {
      type: 'Feature',
      id: `L-${index + 1}`,
      properties: { name: `地块 ${index + 1}`, status: 'pending', history: [{ date: '2025-01-01', status: 'pending' }], plan: 'demolish' },
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
