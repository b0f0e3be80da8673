import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();

const LAYER = 'urban-villages';

interface StoredLayer {
  features: { id: string; properties: { status: string; history: { date: string; status: string }[] } }[];
}

describe('staff import files by drop or file picker', () => {
  it('reprojects a Gauss-Kruger shapefile with GBK attributes, names its CRS in Chinese, and refuses a preview or save before its columns are mapped', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles(join(projectDirectory, 'tests/fixtures/import/gk4543-gbk-cpg936.zip'));
    const panel = page.locator('.import-panel');
    await panel.locator('.import-report').waitFor();
    const warnings = await panel.locator('.import-warnings li[data-code="REPROJECTED"]').innerText();
    expect(warnings).toContain('WGS 84');
    expect(await panel.locator('input[name="crs"]').inputValue()).toBe('EPSG:4543');
    expect(await panel.locator('.crs-name').innerText()).toContain('CGCS2000 3 度带高斯-克吕格，中央经线 102°E');
    const sample = await panel.locator('.import-sample').innerText();
    expect(sample).toContain('名称');
    expect(sample).toContain('下庄村');
    expect(await panel.getByTestId('diff-added').innerText()).toMatch(/^2 /);

    // Without plan fields its features have placeholder ids: nothing reaches the working copy until the mapping is applied.
    expect(await panel.locator('.import-report .import-needs-mapping').count()).toBe(1);
    expect(await panel.locator('.import-report .save-ok').count()).toBe(0);
    expect(await panel.locator('.import-blocked[data-reason="mapping"]').innerText()).toContain('按此对应并重新检查');
    expect(await panel.locator('button.preview-import').isDisabled()).toBe(true);
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor({ state: 'detached', timeout: 5000 });
    expect(await panel.locator('button.save-import').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('reviews an edited GeoJSON layer (removed, changed, a status going backwards) and saves it', async () => {
    const original = JSON.parse(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as StoredLayer;
    const [first, second, ...rest] = original.features;
    if (!first || !second) throw new Error('the sample layer is too small');
    const regressed = { ...second, properties: { ...second.properties, status: 'pending', history: [...second.properties.history, { date: '2026-10-01', status: 'pending' }] } };
    const edited = { ...original, features: [regressed, ...rest] };
    const file = join(session.server.geodataDirectory, '..', 'edited.geojson');
    await writeFile(file, JSON.stringify(edited));

    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles(file);
    const panel = page.locator('.import-panel');
    await panel.locator('.import-diff').waitFor();
    expect(await panel.locator('.import-problems').count()).toBe(0);
    // Adding to the layer is the default: nothing is deleted unless staff choose to replace it.
    expect(await panel.locator('input[name="import-mode"][value="merge"]').isChecked()).toBe(true);
    expect(await panel.getByTestId('diff-removed').innerText()).toBe('0');
    await panel.locator('input[name="import-mode"][value="replace"]').check();
    expect(await panel.getByTestId('diff-removed').innerText()).toBe(`1 ${first.id}`);
    expect(await panel.getByTestId('diff-changed').innerText()).toBe(`1 ${second.id}`);
    expect(await panel.locator('.status-regressions').innerText()).toContain(second.id);

    await panel.locator('button.preview-import').click();
    await panel.locator('button.save-import').click();
    // A save that deletes existing projects asks first; cancelling keeps everything as it was.
    const confirm = panel.locator('.import-confirm-removal');
    expect(await confirm.innerText()).toContain('将删除 1 个现有项目，确定？');
    await confirm.getByRole('button', { name: '取消' }).click();
    // Choosing to add instead takes the replacing preview back out: nothing is deleted any more.
    await panel.locator('input[name="import-mode"][value="merge"]').check();
    expect(await panel.getByTestId('diff-removed').innerText()).toBe('0');
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor({ state: 'detached', timeout: 5000 });
    expect(await panel.locator('button.save-import').isDisabled()).toBe(true);
    await panel.locator('input[name="import-mode"][value="replace"]').check();
    await panel.locator('button.preview-import').click();
    await panel.locator('button.save-import').click();
    await panel.locator('button.confirm-removal').click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    // Saved: the panel says so and offers nothing more to preview.
    expect(await panel.locator('.import-saved').innerText()).toContain('已保存到图层“城中村”');
    expect(await panel.locator('button.preview-import').count()).toBe(0);
    const stored = JSON.parse(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as StoredLayer;
    expect(stored.features.map((feature) => feature.id)).toEqual(edited.features.map((feature) => feature.id));
    expect(stored.features[0]?.properties.status).toBe('pending');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a problem of a feature with swapped latitude and longitude where it was meant to be, beside the panel, without crashing the page', async () => {
    const history = [{ date: '2025-01-01', status: 'pending' }];
    const swappedRing = [[24.99, 102.73], [24.99, 102.732], [24.992, 102.732], [24.992, 102.73], [24.99, 102.73]];
    const goodRing = [[102.7, 24.99], [102.702, 24.99], [102.702, 24.992], [102.7, 24.992], [102.7, 24.99]];
    // One feature of several swapped: the file is read, and that feature's latitude is named out of range.
    const swapped = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'UV-101', properties: { name: '好地块', status: 'pending', history, plan: 'demolish' }, geometry: { type: 'Polygon', coordinates: [goodRing] } },
        { type: 'Feature', id: 'UV-104', properties: { name: '经纬度颠倒', status: 'pending', history, plan: 'demolish' }, geometry: { type: 'Polygon', coordinates: [swappedRing] } },
      ],
    };
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles({ name: 'swapped.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(swapped)) });
    const panel = page.locator('.import-panel');
    await panel.locator('.import-problems li[data-code="LATITUDE_OUT_OF_RANGE"] button').click();
    await waitForMapIdle(page);
    // The map flew to [102.73, 24.99], where the parcel belongs, and it is not under the 400 px panel.
    const point = await screenPointOf(page, [102.73, 24.99]);
    const panelBox = await panel.boundingBox();
    const mapBox = await page.locator('.map-area').boundingBox();
    if (!panelBox || !mapBox) throw new Error('the panel or the map is not shown');
    expect(point.x).toBeGreaterThan(mapBox.x);
    expect(point.x).toBeLessThan(panelBox.x);
    expect(point.y).toBeGreaterThan(mapBox.y);
    expect(point.y).toBeLessThan(mapBox.y + mapBox.height);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
