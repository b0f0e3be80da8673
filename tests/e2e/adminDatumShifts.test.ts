/**
 * An admin adds a datum-shift profile on the admin screen from pasted control points: the
 * parameters are estimated, each point's residual and the RMS shown, and the profile saved to
 * datum-shifts.json; an editor importing a Xi'an 1980 file is then offered it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ADMIN, writeTestAccounts } from '../api/support/apiTestServer';
import type { DatumShifts } from '../../src/domain/datum/datumShiftProfile';
import { openPlanMap } from './support/planMapPage';
import { projectDirectory } from './support/startPlanMapServer';
import { EDITOR, signIn, staffSession } from './support/staffServer';

const session = staffSession();
const fixtures = join(projectDirectory, 'tests', 'fixtures', 'crs');

beforeAll(async () => {
  await writeTestAccounts(session.server.stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...ADMIN, role: 'admin' }]);
});

it('an admin estimates a profile from control points, sees the residuals, saves it, and the import screen offers it', async () => {
  const given = JSON.parse(await readFile(join(fixtures, 'datum-shifts.json'), 'utf8')) as DatumShifts;
  const points = given.profiles[0]?.controlPoints ?? [];
  // As a surveyor's table pastes from Excel: tab-separated, one point a line.
  const pasted = points.map((point) => [point.id, ...point.source, ...point.target].join('\t')).join('\n');

  const admin = await openPlanMap(session.browser, session.server.baseUrl);
  await signIn(admin.page, ADMIN);
  await admin.page.locator('button.open-admin').click();
  const panel = admin.page.locator('.admin-panel');
  await panel.locator('button.open-datum-shifts').click();
  await panel.getByRole('button', { name: '新增转换参数' }).click();
  const form = panel.locator('.datum-shift-form');
  await form.getByLabel('参数名').fill('西安80-控制点');
  await form.getByLabel('源坐标系').fill('EPSG:2379');
  await form.getByLabel('控制点').fill(pasted);
  await form.getByRole('button', { name: '由控制点估算参数' }).click();
  await expect.poll(() => form.locator('.datum-estimated').textContent()).toContain('已由 4 个控制点估算参数');
  // Four points a few hundred metres apart do not separate seven parameters, so the estimate is judged by its fit, not by dX.
  expect(Number(await form.locator('input[data-parameter="dxMeters"]').inputValue())).not.toBe(0);
  const residuals = form.locator('.datum-shift-residuals');
  await expect.poll(() => residuals.locator('tr[data-control-point]').count()).toBe(4);
  expect(await residuals.locator('caption').innerText()).toContain('中误差 0.00');

  await expect.poll(() => panel.locator('.admin-changes').textContent()).toContain('新增转换参数 西安80-控制点');
  await panel.locator('.admin-save-button').click();
  await panel.locator('.admin-saved').waitFor();
  const stored = JSON.parse(await readFile(join(session.server.geodataDirectory, 'datum-shifts.json'), 'utf8')) as DatumShifts;
  expect(stored.profiles.map((profile) => [profile.name, profile.sourceCrs, profile.controlPoints?.length])).toEqual([['西安80-控制点', 'EPSG:2379', 4]]);
  expect(admin.errors).toEqual([]);
  await admin.page.close();

  const editor = await openPlanMap(session.browser, session.server.baseUrl);
  await signIn(editor.page);
  await editor.page.locator('.import-file-input').setInputFiles(join(fixtures, 'xian1980-gk102-parcel.geojson'));
  const picker = editor.page.locator('.import-panel select[name="datum-shift"]');
  await picker.waitFor();
  expect(await picker.locator('option').allInnerTexts()).toContain('西安80-控制点');
  expect(editor.errors).toEqual([]);
  await editor.page.close();
}, 180_000);
