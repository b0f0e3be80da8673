import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../api/support/apiClient';
import { SECOND_EDITOR, VIEWER, writeTestAccounts } from '../api/support/apiTestServer';
import { openPlanMap } from './support/planMapPage';
import { EDITOR, signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';

interface StoredLayer {
  features: { id: string; properties: { name: string; status: string; history: { date: string; status: string }[] } }[];
}

function layerFile(): string {
  return join(session.server.geodataDirectory, `${LAYER}.geojson`);
}

/** The layer text with one project moved to a new status on a date, its history extended as the app does it. */
function withStatus(text: string, featureId: string, status: string, date: string): string {
  const collection = JSON.parse(text) as StoredLayer;
  const feature = collection.features.find((candidate) => candidate.id === featureId);
  if (!feature) throw new Error(`the sample lacks ${featureId}`);
  feature.properties.status = status;
  feature.properties.history = [...feature.properties.history, { date, status }];
  return JSON.stringify(collection, null, 2);
}

async function storedFeature(featureId: string) {
  const collection = JSON.parse(await readFile(layerFile(), 'utf8')) as StoredLayer;
  return collection.features.find((feature) => feature.id === featureId);
}

/** 李工, another editor, saving through the API as their own browser would. */
async function secondEditorSaves(edit: (text: string) => string): Promise<void> {
  const client = new ApiClient(session.server.baseUrl.replace(/\/$/, ''));
  await client.login(SECOND_EDITOR.username, SECOND_EDITOR.password);
  const { text, etag } = await client.layer(LAYER);
  const response = await client.putLayer(LAYER, edit(text), etag);
  expect(response.status).toBe(200);
}

async function openProject(featureId: string): Promise<{ page: Page; errors: string[] }> {
  // A smaller canvas: software-rendered maps are the slow part of these tests.
  const opened = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${featureId}`, { fixedTime: FIXED_NOW, viewport: { width: 1100, height: 700 } });
  // Marks this document: a reload would lose it.
  await opened.page.evaluate(() => { (window as unknown as { sameDocument?: boolean }).sameDocument = true; });
  return opened;
}

function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
}

const details = (page: Page) => page.locator('.feature-details .details-summary');
const notice = (page: Page) => page.locator(`.layer-update-notice[data-layer-id="${LAYER}"]`);

beforeAll(async () => {
  await writeTestAccounts(session.server.stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...SECOND_EDITOR, role: 'editor' }, { ...VIEWER, role: 'viewer' }]);
});

describe('the app follows changes made elsewhere, without a reload', () => {
  it('shows another editor\'s save on the map and in the details, and names them', async () => {
    const { page, errors } = await openProject('UV-009');
    await signIn(page);
    await page.locator('.feature-editor').waitFor();
    expect(await details(page).innerText()).toContain('待启动');
    const statsCard = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    const statsBefore = await statsCard.innerText();

    await secondEditorSaves((text) => withStatus(text, 'UV-009', 'expropriating', '2026-06-10'));
    await expect.poll(() => details(page).innerText(), { timeout: 20_000 }).toContain('征收中');
    await expect.poll(() => notice(page).innerText(), { timeout: 20_000 }).toContain('图层“城中村”');
    expect(await notice(page).innerText()).toContain(`已被 ${SECOND_EDITOR.username} 更新`);
    expect(await statsCard.innerText()).not.toBe(statsBefore);
    // Their version is now this editor's base: nothing to save, and the next edit saves on top of it.
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(0);
    expect(await stillSameDocument(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a viewer a file edited on disk, as QGIS saves it, even between the page\'s load and their sign-in, and says it came from the disk', async () => {
    const { page, errors } = await openProject('UV-010');
    expect(await details(page).innerText()).toContain('已改造');
    // The layer's text is on the page (the card is no longer busy): what it shows is the file as it was.
    await page.locator('.feature-details:not([aria-busy="true"])').waitFor();

    // QGIS writes a new file beside the old one and renames it over, before the viewer's page
    // follows the server's changes: on a busy machine the sign-in and the event stream come late.
    const changed = withStatus(await readFile(layerFile(), 'utf8'), 'UV-010', 'renovating', '2026-06-12');
    const temporary = join(session.server.geodataDirectory, `${LAYER}.geojson.qgis-tmp`);
    await writeFile(temporary, changed);
    await rename(temporary, layerFile());

    await page.locator('button.sign-in').click();
    await page.getByLabel('用户名').fill(VIEWER.username);
    await page.getByLabel('密码').fill(VIEWER.password);
    await page.locator('.login-dialog button[type="submit"]').click();
    await page.locator('.staff-user').waitFor();

    await expect.poll(() => details(page).innerText(), { timeout: 20_000 }).toContain('改造中');
    await expect.poll(() => notice(page).innerText(), { timeout: 20_000 }).toContain('的文件已在磁盘上修改');
    expect(await notice(page).getAttribute('data-author')).toBe('disk');
    expect(await stillSameDocument(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('keeps an editor\'s unsaved edits when the layer changes on the server, says so, and merges both at the save', async () => {
    const { page, errors } = await openProject('UV-014');
    await signIn(page);
    const form = page.locator('.feature-editor .status-form');
    await form.locator('select[name="status"]').selectOption('expropriating');
    await form.locator('input[name="date"]').fill('2026-06-14');
    await form.locator('button[type="submit"]').click();
    const unsaved = page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`);
    await unsaved.waitFor();

    await secondEditorSaves((text) => withStatus(text, 'UV-013', 'expropriating', '2026-06-13'));
    await expect.poll(() => notice(page).innerText(), { timeout: 20_000 }).toContain('你的未保存修改已保留');
    expect(await notice(page).innerText()).toContain(`已被 ${SECOND_EDITOR.username} 更新`);
    expect(await unsaved.count()).toBe(1);
    expect(await details(page).innerText()).toContain('征收中');
    expect((await storedFeature('UV-014'))?.properties.status).toBe('pending');

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    expect((await storedFeature('UV-014'))?.properties.history.at(-1)).toEqual({ date: '2026-06-14', status: 'expropriating' });
    expect((await storedFeature('UV-013'))?.properties.history.at(-1)).toEqual({ date: '2026-06-13', status: 'expropriating' });
    expect(await stillSameDocument(page)).toBe(true);
    // The first try of the save met the other editor's version: the browser logs that 412 before the merge.
    expect(errors.filter((error) => !error.includes('412'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('catches up on a change made while its event stream was down, once the stream is back', async () => {
    const { page, errors } = await openProject('UV-011');
    let streamUp = false;
    let refused = 0;
    await page.route('**/api/events', (route) => {
      if (streamUp) return route.continue();
      refused += 1;
      return route.fulfill({ status: 204 });
    });
    await signIn(page);
    await page.locator('.feature-editor').waitFor();
    expect(await details(page).innerText()).toContain('拆除中');
    // It keeps trying, each time a little later.
    await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    await secondEditorSaves((text) => withStatus(text, 'UV-011', 'demolished', '2026-06-11'));
    streamUp = true;
    await expect.poll(() => details(page).innerText(), { timeout: 30_000 }).toContain('已拆除');
    expect(await notice(page).innerText()).toContain(`已被 ${SECOND_EDITOR.username} 更新`);
    expect(await stillSameDocument(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
