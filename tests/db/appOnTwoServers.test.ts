import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../api/support/apiClient';
import { EDITOR, projectDirectory, SECOND_EDITOR, writeTestAccounts } from '../api/support/apiTestServer';
import { spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { launchChromium } from '../e2e/support/launchChromium';
import { openPlanMap } from '../e2e/support/planMapPage';
import { signIn } from '../e2e/support/staffServer';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';

/*
 * The app in real Chromium on one of two servers that share a database, as a bureau runs it
 * behind a proxy: another editor's save through the other server shows live on the page, and
 * the page's own save lands in the database, project rows included.
 */

const LAYER = 'urban-villages';
const FIXED_NOW = new Date('2026-06-15T10:00:00');

let rootDirectory: string;
let district: TestDistrictSchema;
let first: ServerProcess;
let second: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-app-db-'));
  const geodataDirectory = join(rootDirectory, 'geodata');
  // Basemap included, so the map settles; it goes into the database with the rest.
  await cp(join(projectDirectory, 'geodata'), geodataDirectory, { recursive: true });
  const stateDirectory = join(rootDirectory, 'state');
  district = await importTestDistrict(geodataDirectory);
  await writeTestAccounts(stateDirectory, [
    { ...EDITOR, role: 'editor' },
    { ...SECOND_EDITOR, role: 'editor' },
  ], district.database);
  const variables = { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema };
  // The folder the servers read is empty: everything the page gets comes from the database.
  const emptyFolder = join(rootDirectory, 'empty');
  await mkdir(emptyFolder);
  [first, second, browser] = await Promise.all([
    spawnServer({ geodataDirectory: emptyFolder, stateDirectory, variables }),
    spawnServer({ geodataDirectory: emptyFolder, stateDirectory, variables }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of [first, second]) {
    server?.child.kill('SIGTERM');
    await server?.exited;
  }
  await district?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
});

it('shows a save made through the other server live, and its own save reaches the database', async () => {
  const { page, errors } = await openPlanMap(browser, `${second.baseUrl}/?feature=${LAYER}/UV-009`, { fixedTime: FIXED_NOW, viewport: { width: 1100, height: 700 } });
  await signIn(page);
  const details = page.locator('.feature-details .details-summary');
  expect(await details.innerText()).toContain('待启动');

  const other = new ApiClient(first.baseUrl);
  expect((await other.login(SECOND_EDITOR.username, SECOND_EDITOR.password)).status).toBe(200);
  const { feature, version } = (await (await other.get(`/api/layers/${LAYER}/features/UV-009`)).json()) as {
    feature: { properties: { status: string; history: { date: string; status: string }[] } };
    version: string;
  };
  const moved = { ...feature, properties: { ...feature.properties, status: 'expropriating', history: [...feature.properties.history, { date: '2026-06-10', status: 'expropriating' }] } };
  const saved = await other.write('PUT', `/api/layers/${LAYER}/features/UV-009`, JSON.stringify(moved), { 'If-Match': `"${version}"`, 'Content-Type': 'application/geo+json' });
  expect(saved.status).toBe(200);
  await expect.poll(() => details.innerText(), { timeout: 20_000 }).toContain('征收中');
  await expect.poll(() => page.locator(`.layer-update-notice[data-layer-id="${LAYER}"]`).innerText(), { timeout: 20_000 }).toContain(`已被 ${SECOND_EDITOR.username} 更新`);

  const form = page.locator('.feature-editor .status-form');
  await form.locator('select[name="status"]').selectOption('demolishing');
  await form.locator('input[name="date"]').fill('2026-06-14');
  await form.locator('button[type="submit"]').click();
  await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
  await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();

  const database = district.open();
  try {
    const { rows } = await database.pool.query<{ status: string }>("SELECT properties ->> 'status' AS status FROM plan_feature WHERE layer = $1 AND feature_id = 'UV-009'", [LAYER]);
    expect(rows).toEqual([{ status: 'demolishing' }]);
  } finally {
    await database.pool.end();
  }
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
