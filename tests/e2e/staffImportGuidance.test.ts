/**
 * A DataV district boundary, 8.8× the district, dropped on the import for green space: the app
 * says the file is GCJ-02 and converts it, opens on the layer the file or the view suggests,
 * holds back a save of figures that big until they are confirmed, and speaks plain words.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Manifest } from '../../src/domain/plan/manifest';
import { describe, expect, it } from 'vitest';
import { openPlanMap } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();
const LAYER = 'green-space';
const datavBoundary = (): Promise<Buffer> => readFile(join(projectDirectory, 'tests', 'fixtures', 'import', 'datav-530112.json'));
const storedLayer = (): Promise<Buffer> => readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`));

/** Drops the DataV boundary under a name staff would give it, and applies the suggested field mapping. */
async function importBoundary(page: Page): Promise<void> {
  await page.locator('.import-file-input').setInputFiles({ name: '西山区绿地范围.json', mimeType: 'application/json', buffer: await datavBoundary() });
  const panel = page.locator('.import-panel');
  await panel.locator('.import-progress[data-stage="done"]').waitFor();
  await panel.locator('button.apply-mapping').click();
  await panel.locator('.mapping-summary').waitFor();
  await panel.locator('.import-figures').waitFor();
}

/** The element lies wholly inside the window, and nothing covers the middle of it. */
async function fullyShown(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inside = box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return inside && top !== null && element.contains(top);
  });
}

/** Shows the import on the map and saves it: the server holds the save back and the app asks, the whole dialog in sight. */
async function previewAndSave(page: Page): Promise<Locator> {
  const panel = page.locator('.import-panel');
  await panel.locator('button.preview-import').click();
  await panel.locator('button.save-import').click();
  const dialog = page.locator('.save-confirm-dialog');
  await dialog.waitFor();
  expect(await fullyShown(page, '.save-confirm-dialog')).toBe(true);
  expect(await fullyShown(page, '.save-confirm-dialog button.confirm-save')).toBe(true);
  return dialog;
}

describe('staff import a DataV district boundary meant for green space', () => {
  it('at 1920 × 1080: asks before saving with the figures, and going back saves nothing', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { viewport: { width: 1920, height: 1080 } });
    await signIn(page);
    const before = await storedLayer();
    await importBoundary(page);
    const dialog = await previewAndSave(page);
    expect(await dialog.locator('li[data-code="LARGER_THAN_DISTRICT"]').innerText()).toMatch(/面积 89,4\d\d\.\d\d 公顷，是全区 10,164\.4 公顷的 8\.8 倍/);
    // Going back is the safe default: Esc, as the Go back button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await storedLayer()).toEqual(before);
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(1);
    // The held-back save is the browser's one logged failure: its 422 answer.
    expect(errors.filter((error) => !error.includes('422'))).toEqual([]);
    await page.close();
  }, 120_000);

  it('at 1366 × 768: converts it from GCJ-02 and says why, targets green space from its name, names its figures, and saves only once they are confirmed', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    const before = await storedLayer();
    await importBoundary(page);
    const panel = page.locator('.import-panel');

    // The layer the file's name suggests, and why.
    expect(await panel.locator('select[name="target-layer"]').inputValue()).toBe(LAYER);
    expect(await panel.locator('.import-target-reason').innerText()).toBe('按文件名（绿地）选择了此图层');
    // DataV fields mean GCJ-02: chosen, with the reason, and the conversion reported.
    expect(await panel.locator('select[name="convert-from"]').inputValue()).toBe('gcj02');
    expect(await panel.locator('.web-datum-hint').innerText()).toContain('已自动选择 GCJ-02：文件带有 DataV/ECharts 行政区地图的字段（adcode、acroutes、parent）');
    expect(await panel.locator('.import-warnings li[data-code="REPROJECTED"]').innerText()).toContain('GCJ-02');
    // Mapped: the banner asking for a mapping is gone, in the mapping step and in the report.
    expect(await panel.locator('.mapping-needed').count()).toBe(0);
    expect(await panel.locator('.import-needs-mapping').count()).toBe(0);

    // The review names each figure: larger than the district, mostly outside it, a layer 300 times its size.
    const figures = panel.locator('.import-figures');
    expect(await figures.locator('li[data-code="LARGER_THAN_DISTRICT"]').innerText()).toMatch(/面积 89,4\d\d\.\d\d 公顷，是全区 10,164\.4 公顷的 8\.8 倍：这是行政区边界吗？/);
    expect(await figures.locator('li[data-code="MOSTLY_OUTSIDE_DISTRICT"]').innerText()).toMatch(/89% 的面积（79,\d{3}\.\d\d 公顷，共 89,4\d\d\.\d\d 公顷）在区界之外/);
    expect(await figures.locator('li[data-code="LAYER_TOTAL_JUMP"]').innerText()).toMatch(/总面积从 280\.19 公顷变为 89,7\d\d\.\d\d 公顷（\+89,4\d\d\.\d\d 公顷，\+31,9\d\d%）/);
    expect(await panel.locator('.import-diff').innerText()).toMatch(/\+89,4\d\d\.\d\d 公顷/);

    const dialog = await previewAndSave(page);
    expect(await dialog.locator('h2').innerText()).toBe('保存前请核对这些数字');
    expect(await dialog.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual(['LAYER_TOTAL_JUMP', 'LARGER_THAN_DISTRICT', 'MOSTLY_OUTSIDE_DISTRICT']);
    expect(await dialog.locator('li[data-code="LARGER_THAN_DISTRICT"]').innerText()).toContain('的 8.8 倍');
    await dialog.locator('button.cancel-save-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await storedLayer()).toEqual(before);

    // Asked again on the next save; confirmed, it is saved.
    await panel.locator('button.save-import').click();
    await dialog.locator('button.confirm-save').click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    expect(await panel.locator('.import-saved').innerText()).toContain('已保存到图层“城市绿地”');
    const stored = JSON.parse((await storedLayer()).toString('utf8')) as { features: { id: string; properties: { name: string } }[] };
    expect(stored.features.at(-1)).toMatchObject({ id: 'GS-061', properties: { name: '西山区' } });
    // The two held-back saves are the browser's logged failures: their 422 answers.
    expect(errors.filter((error) => !error.includes('422'))).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('staff import: which layer, in plain words', () => {
  it('opens on the layer in view when the file\'s name says nothing: the open project\'s layer, else the only layer shown', async () => {
    const survey = join(projectDirectory, 'tests', 'fixtures', 'import', 'gk4543-survey-gbk.zip');
    const opened = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=lakeshore/LS-03`);
    await signIn(opened.page);
    await opened.page.locator('.import-file-input').setInputFiles(survey);
    const panel = opened.page.locator('.import-panel');
    await panel.locator('.import-report').waitFor();
    expect(await panel.locator('select[name="target-layer"]').inputValue()).toBe('lakeshore');
    expect(await panel.locator('.import-target-reason').innerText()).toBe('选择了你正在查看的图层');
    // Choosing another layer takes the reason away: it no longer applies.
    await panel.locator('select[name="target-layer"]').selectOption('idle-land');
    expect(await panel.locator('.import-target-reason').count()).toBe(0);
    expect(opened.errors).toEqual([]);
    await opened.page.close();

    const manifest = JSON.parse(await readFile(join(session.server.geodataDirectory, 'layers.json'), 'utf8')) as Manifest;
    const others = manifest.layers.map((layer) => layer.id).filter((id) => id !== 'roads').join(',');
    const roadsOnly = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others}`);
    await signIn(roadsOnly.page);
    await roadsOnly.page.locator('.import-file-input').setInputFiles(survey);
    await roadsOnly.page.locator('.import-panel .import-report').waitFor();
    expect(await roadsOnly.page.locator('.import-panel select[name="target-layer"]').inputValue()).toBe('roads');
    expect(roadsOnly.errors).toEqual([]);
    await roadsOnly.page.close();
  }, 120_000);

  it('explains a rewound boundary without citing RFC 7946', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles(join(projectDirectory, 'tests', 'fixtures', 'input-cases', 'D9-clockwise-exterior.geojson'));
    const panel = page.locator('.import-panel');
    const rewound = panel.locator('.import-warnings li[data-code="WINDING_REWOUND"]');
    await rewound.waitFor();
    expect(await rewound.innerText()).toContain('边界的走向与 GeoJSON 标准相反（外边界应逆时针、内部空洞应顺时针），已自动调整；面积不变');
    expect(await panel.innerText()).not.toMatch(/RFC|7946/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
