import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient } from '../api/support/apiClient';
import { VIEWER, writeTestAccounts } from '../api/support/apiTestServer';
import { openPlanMap } from './support/planMapPage';
import { EDITOR, signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';
/** 海晏村, "待启动" (pending) in the sample. */
const FEATURE = 'UV-004';

function layerFile(): string {
  return join(session.server.geodataDirectory, `${LAYER}.geojson`);
}

async function changeStatus(page: Page, statusId: string, isoDate: string): Promise<void> {
  const form = page.locator('.feature-editor .status-form');
  await form.locator('select[name="status"]').selectOption(statusId);
  await form.locator('input[name="date"]').fill(isoDate);
  await form.locator('button[type="submit"]').click();
}

describe('an editor\'s version history', () => {
  it('lists the saved change, shows what restoring the earlier version would change, and restores it as a new version', async () => {
    const original = await readFile(layerFile(), 'utf8');
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW });
    await signIn(page);
    const details = page.locator('.feature-details .details-summary');
    const statsCard = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    expect(await details.innerText()).toContain('待启动');
    const statsBefore = await statsCard.innerText();

    await changeStatus(page, 'demolished', '2026-06-01');
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    expect(await details.innerText()).toContain('已拆除');

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.show-history`).click();
    const panel = page.locator(`.history-panel[data-layer-id="${LAYER}"]`);
    const rows = panel.locator('.version-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    // Newest first: the save, by the editor, one project changed; then the file as it was on disk.
    const saved = rows.nth(0);
    expect(await saved.locator('.version-user').innerText()).toBe(EDITOR.username);
    expect(await saved.locator('.version-current').count()).toBe(1);
    expect(await saved.locator('.version-summary').innerText()).toContain('新增 0 · 删除 0 · 修改 1 · 变化 0 公顷');
    // The row names the project the save changed.
    expect(await saved.locator('.version-projects').innerText()).toBe('海晏村 UV-004');
    expect(await saved.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const earlier = rows.nth(1);
    expect(await earlier.locator('.version-origin').innerText()).toContain('磁盘上的文件');
    expect(await earlier.locator('.restore-version').count()).toBe(0);

    // Choosing the save shows what it changed, against the version before it; restoring it (it is current) would change nothing.
    await saved.locator('.version-choose').click();
    const savedChange = saved.locator(`.version-save-changes .changed-feature[data-feature-id="${FEATURE}"]`);
    await savedChange.waitFor({ timeout: 15_000 });
    expect(await saved.locator('.version-save-changes h4').innerText()).toBe('这一版本改了什么（与上一版本相比）');
    expect(await saved.locator('.version-save-changes .version-change-counts').innerText()).toBe('新增 0 · 删除 0 · 修改 1 · 变化 0 公顷');
    expect(await savedChange.innerText()).toContain('海晏村 UV-004');
    expect(await savedChange.innerText()).toContain('状态：待启动 → 已拆除');
    expect(await saved.locator('.version-restore-changes h4').innerText()).toBe('恢复此版本将带来的变化');
    expect(await saved.locator('.version-restore-changes .version-same').innerText()).toBe('这就是当前版本：恢复它不会改变任何内容');
    expect(await saved.locator('.restore-version').count()).toBe(0);

    await earlier.locator('.version-choose').click();
    const change = earlier.locator(`.version-restore-changes .changed-feature[data-feature-id="${FEATURE}"]`);
    await change.waitFor();
    expect(await change.innerText()).toContain('状态：已拆除 → 待启动');
    expect(await change.innerText()).toContain('状态历程：删除 2026-06-01 已拆除');
    // Restoring would take 海晏村 back from 已拆除 to 待启动: said, as a status going backwards.
    expect(await earlier.locator('.version-restore-changes .version-change-counts').innerText()).toBe('新增 0 · 删除 0 · 修改 1 · 变化 0 公顷 · 1 项状态倒退');
    expect(await earlier.locator('.version-save-changes').innerText()).toContain('这是保留的最早版本');

    // The restore adds a row above, so the chosen row is found by being chosen, not by position.
    const chosen = panel.locator('.version-row.is-chosen');
    await chosen.locator('button.restore-version').click();
    await chosen.locator('.restore-outcome.save-ok').waitFor();
    await expect.poll(() => details.innerText(), { timeout: 15_000 }).toContain('待启动');
    await expect.poll(() => statsCard.innerText(), { timeout: 15_000 }).toBe(statsBefore);
    expect(await readFile(layerFile(), 'utf8')).toBe(original);
    // Restoring is itself a version: the earlier one is current again, and the save is still kept.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    expect(await rows.nth(0).locator('.version-origin').innerText()).toContain('恢复自');
    expect(await rows.nth(0).locator('.version-current').count()).toBe(1);
    expect(await rows.nth(1).locator('.version-current').count()).toBe(0);
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('refuses a restore against a version someone else has replaced, says so, shows their version, and restores on a second try', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW });
    // This page hears of no change (its event stream is refused with 204, as a server says "not now"), so its version goes stale.
    await page.route('**/api/events', (route) => route.fulfill({ status: 204 }));
    await signIn(page);
    await page.locator('.feature-editor').waitFor();
    await page.locator(`.layer-card[data-layer-id="${LAYER}"] .layer-history`).click();
    const rows = page.locator(`.history-panel[data-layer-id="${LAYER}"] .version-row`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);

    const other = new ApiClient(session.server.baseUrl.replace(/\/$/, ''));
    await other.login(EDITOR.username, EDITOR.password);
    const { text, etag } = await other.layer(LAYER);
    const collection = JSON.parse(text) as { features: { id: string; properties: { name: string; households?: number } }[] };
    const renamed = collection.features.find((feature) => feature.id === 'UV-013');
    if (!renamed) throw new Error('the sample lacks UV-013');
    renamed.properties.name = '官渡新村';
    // Four more projects get one more household: the row names the first three in the file and counts the rest.
    const noted = collection.features.filter((feature) => feature.id !== 'UV-013').slice(0, 4);
    for (const feature of noted) feature.properties.households = (feature.properties.households ?? 0) + 1;
    expect((await other.putLayer(LAYER, JSON.stringify(collection), etag)).status).toBe(200);

    // The row of the demolishing save, found by its version: rows move down as versions are added.
    const savedVersion = await rows.nth(1).getAttribute('data-version');
    const savedRow = page.locator(`.version-row[data-version="${savedVersion}"]`);
    await savedRow.locator('.version-choose').click();
    await savedRow.locator('button.restore-version').click();
    await expect.poll(() => savedRow.locator('.restore-outcome').innerText(), { timeout: 15_000 }).toContain('图层刚被他人修改，未恢复');
    expect(await readFile(layerFile(), 'utf8')).toContain('官渡新村');
    // The refusal brought the other save in: it is listed, current, and announced.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    expect(await rows.nth(0).locator('.version-current').count()).toBe(1);
    const named = collection.features.filter((feature) => feature.id === 'UV-013' || noted.includes(feature)).slice(0, 3);
    expect(await rows.nth(0).locator('.version-project').evaluateAll((spans) => spans.map((span) => span.getAttribute('data-feature-id')))).toEqual(named.map((feature) => feature.id));
    expect(await rows.nth(0).locator('.version-project').first().innerText()).toBe(`${named[0]?.properties.name ?? ''} ${named[0]?.id ?? ''}`);
    expect(await rows.nth(0).locator('.version-more-projects').innerText()).toBe('等另 2 项');
    await expect.poll(() => page.locator(`.layer-update-notice[data-layer-id="${LAYER}"]`).innerText(), { timeout: 15_000 }).toContain(`已被 ${EDITOR.username} 更新`);

    await savedRow.locator('button.restore-version').click();
    await savedRow.locator('.restore-outcome.save-ok').waitFor();
    expect(await readFile(layerFile(), 'utf8')).not.toContain('官渡新村');
    await expect.poll(() => page.locator('.feature-details .details-summary').innerText(), { timeout: 15_000 }).toContain('已拆除');
    // The refused restore is the browser's one logged failure: its 412 answer.
    expect(errors.filter((error) => !error.includes('412'))).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('a viewer\'s version history', () => {
  it('shows the versions to a signed-in viewer, without restore buttons or edit controls', async () => {
    await writeTestAccounts(session.server.stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...VIEWER, role: 'viewer' }]);
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW });
    expect(await page.locator('.layer-history').count()).toBe(0);
    await page.locator('button.sign-in').click();
    await page.getByLabel('用户名').fill(VIEWER.username);
    await page.getByLabel('密码').fill(VIEWER.password);
    await page.locator('.login-dialog button[type="submit"]').click();
    await page.locator('.staff-user').waitFor();
    await page.locator(`.layer-card[data-layer-id="${LAYER}"] .layer-history`).click();
    const rows = page.locator(`.history-panel[data-layer-id="${LAYER}"] .version-row`);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await rows.last().locator('.version-choose').click();
    await rows.last().locator('.version-details').waitFor();
    await expect.poll(() => rows.last().locator('.version-details').innerText(), { timeout: 15_000 }).not.toContain('正在读取');
    expect(await page.locator('.restore-version, .edit-bar, .feature-editor').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
