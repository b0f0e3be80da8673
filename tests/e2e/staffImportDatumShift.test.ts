/**
 * A Xi'an 1980 file in the import screen (docs/input-rules.md, C10–C11): the report says its
 * datum's shift to CGCS2000 is unknown and converts nothing, the geodata folder's profiles for its
 * CRS are offered, and once one is picked the file is converted, the report names the profile and
 * its control points' residuals are shown in metres.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanMap } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();
const fixtures = join(projectDirectory, 'tests', 'fixtures', 'crs');

describe('staff import a Xi’an 1980 Gauss-Krüger file', () => {
  it('waits for a datum-shift profile, offers the ones for its CRS, and converts with the one picked', async () => {
    await copyFile(join(fixtures, 'datum-shifts.json'), join(session.server.geodataDirectory, 'datum-shifts.json'));
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles(join(fixtures, 'xian1980-gk102-parcel.geojson'));
    const panel = page.locator('.import-panel');
    const unknown = panel.locator('.import-problems li[data-code="DATUM_SHIFT_UNKNOWN"]');
    await unknown.waitFor();
    expect(await unknown.innerText()).toContain('西安 1980');

    const picker = panel.locator('select[name="datum-shift"]');
    await picker.waitFor();
    // The profile made for EPSG:2380 is not offered for an EPSG:2379 file.
    expect(await picker.locator('option').allInnerTexts()).toEqual([
      '请选择：该坐标系到 CGCS2000 的转换参数未知',
      '西安80-测试七参数 · test parameters for tests/fixtures/crs (SOURCES.md), not a real bureau\'s',
      '西安80-测试七参数-坐标框架',
    ]);
    await picker.selectOption('西安80-测试七参数');
    const reprojected = panel.locator('.import-warnings li[data-code="REPROJECTED"]');
    await reprojected.waitFor();
    expect(await reprojected.innerText()).toContain('西安80-测试七参数');
    expect(await unknown.count()).toBe(0);
    // The profile's control points and how far it puts each from its CGCS2000 position.
    const residuals = panel.locator('.datum-shift-residuals');
    await residuals.waitFor();
    expect(await residuals.locator('tr[data-control-point]').count()).toBe(4);
    expect(await residuals.locator('caption').innerText()).toContain('中误差 0.000 米');
    expect(errors).toEqual([]);
  });
});
