/**
 * The import screen reads what design institutes, GIS staff and ledgers send: a GeoPackage whose
 * table the user picks (its CRS from the file), a DXF drawing whose CRS the user must give, and a
 * GBK CSV ledger whose coordinate columns are guessed, shown and can be changed. The readers run
 * in the import worker; sql.js's WebAssembly is fetched only for the GeoPackage.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanMap } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();
const FORMATS = join(projectDirectory, 'tests/fixtures/formats');

describe('staff import GeoPackage, DXF and CSV files', () => {
  it('picks a GeoPackage table, takes a DXF drawing\'s CRS from the user, and lets the user confirm a ledger\'s columns', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    page.setDefaultTimeout(25_000);
    const wasm: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
    const panel = page.locator('.import-panel');
    const done = panel.locator('.import-progress[data-stage="done"]');

    // A GeoPackage with two feature tables: the user picks the projected one; its CRS comes from the file.
    await page.locator('.import-file-input').setInputFiles(join(FORMATS, 'gpkg/several-tables.gpkg'));
    await done.waitFor();
    const part = panel.locator('.import-source select').first();
    expect(await part.locator('option').allInnerTexts()).toEqual(['parcels', 'survey_gk40']);
    expect(wasm.some((url) => /sql-wasm.*\.wasm$/.test(url))).toBe(true);
    await part.selectOption({ label: 'survey_gk40' });
    await panel.locator('.import-warnings li[data-code="REPROJECTED"]').waitFor();
    expect(await panel.locator('input[name="crs"]').inputValue()).toBe('EPSG:4528');
    expect(await panel.locator('.import-sample').innerText()).toContain('215');
    await panel.locator('header button').click();

    // A DXF drawing has no CRS: the panel asks for one, and the coordinates are refused as projected until given.
    await page.locator('.import-file-input').setInputFiles(join(FORMATS, 'dxf/closed_polyline_with_bulge.dxf'));
    await panel.locator('.import-problems li[data-code="COORDINATES_LOOK_PROJECTED"]').waitFor();
    expect(await panel.locator('.crs-required').innerText()).toContain('DXF');
    expect(await panel.locator('.import-read-notes li[data-code="DXF_NO_CRS"]').count()).toBe(1);
    await panel.locator('input[name="crs"]').fill('EPSG:4528');
    await panel.locator('.import-warnings li[data-code="REPROJECTED"]').waitFor();
    await done.waitFor();
    expect(await panel.locator('.crs-required').count()).toBe(0);
    await panel.locator('header button').click();

    // A GBK ledger: Chinese decoded, X read as the northing as surveyors write it, and the choice can be changed.
    await page.locator('.import-file-input').setInputFiles(join(FORMATS, 'table/jzd-gk40-gbk.csv'));
    await done.waitFor();
    expect(await panel.locator('.import-sample').innerText()).toContain('测试宗地');
    expect(await panel.locator('select[name="table-x"]').inputValue()).toBe('横坐标Y');
    expect(await panel.locator('select[name="table-y"]').inputValue()).toBe('纵坐标X');
    await panel.locator('select[name="table-kind"]').selectOption('xy');
    await panel.locator('select[name="table-x"]').selectOption('纵坐标X');
    await panel.locator('select[name="table-y"]').selectOption('横坐标Y');
    await panel.locator('.apply-table-columns').click();
    await done.waitFor();
    await page.waitForFunction(() => (document.querySelector('select[name="table-x"]') as HTMLSelectElement | null)?.value === '纵坐标X');
    expect(await panel.locator('.import-read-notes li[data-code="TABLE_COLUMNS_GUESSED"]').count()).toBe(0);

    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
