/**
 * The staff panels at laptop sizes: the details card with its forms, the edit bar, the history
 * panel and update notices side by side, never on top of each other; attribute problems shown at
 * the field as typed; signing out with unsaved edits asks first.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layoutProblems } from './support/layoutProblems';
import { openPlanMap } from './support/planMapPage';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';
/** 马家庄 in the sample. */
const FEATURE = 'UV-005';
const PANELS = '.feature-details, .edit-bar, .history-panel, .import-panel, .layer-update-notices';

async function openSignedIn(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW, viewport });
  await signIn(opened.page);
  await opened.page.locator('.feature-editor .attribute-form').waitFor();
  return opened;
}

async function overlaps(page: Page): Promise<string[]> {
  return (await layoutProblems(page, PANELS)).overlapping;
}

describe('staff panels at 1366 × 768', () => {
  it('checks attributes as typed, keeps the history panel beside the details card, and asks before signing out with unsaved edits', async () => {
    const { page, errors } = await openSignedIn({ width: 1366, height: 768 });
    const form = page.locator('.feature-editor .attribute-form');
    const households = form.locator('input[name="households"]');

    await households.fill('-5');
    expect(await form.locator('#field-problem-households').innerText()).toBe('涉及户数：-5 超出范围（应 >= 0）');
    expect(await households.getAttribute('aria-invalid')).toBe('true');
    await form.locator('select[name="plan"]').selectOption('');
    expect(await form.locator('#field-problem-plan').innerText()).toBe('实施方式：必填，不能为空');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('.form-error').innerText()).toBe('请先改正标出的字段');
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(0);

    await form.locator('select[name="plan"]').selectOption('renovate');
    await households.fill('12');
    expect(await form.locator('.field-problem').count()).toBe(0);
    await form.locator('button[type="submit"]').click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.show-history`).click();
    await page.locator(`.history-panel[data-layer-id="${LAYER}"] h3`).waitFor();
    expect(await page.locator('.feature-details').isVisible()).toBe(true);
    expect(await overlaps(page)).toEqual([]);

    await page.locator('button.sign-out').click();
    const confirm = page.locator('.sign-out-dialog');
    expect(await confirm.innerText()).toContain('有未保存的修改，退出后仍保留为草稿');
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await page.locator('.staff-user').count()).toBe(1);
    await page.locator('button.sign-out').click();
    await confirm.locator('button.confirm-sign-out').click();
    await page.locator('button.sign-in').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('staff panels at 1280 × 720', () => {
  it('keeps an update notice off the attribute form, and an open history panel off the details card', async () => {
    const { page, errors } = await openSignedIn({ width: 1280, height: 720 });
    const file = join(session.server.geodataDirectory, `${LAYER}.geojson`);
    const original = await readFile(file, 'utf8');
    // Someone edits the file on disk (QGIS): every open page is told.
    await writeFile(file, original.replace('"name":"瓦窑村"', '"name":"瓦窑社区"'));
    await page.locator('.layer-update-notice').waitFor({ timeout: 20_000 });
    expect(await overlaps(page)).toEqual([]);
    const apply = page.locator('.feature-editor .attribute-form button[type="submit"]');
    await apply.scrollIntoViewIfNeeded();
    const applyBox = await apply.boundingBox();
    const noticeBox = await page.locator('.layer-update-notices').boundingBox();
    expect(applyBox && noticeBox && (applyBox.x + applyBox.width <= noticeBox.x || noticeBox.y + noticeBox.height <= applyBox.y || applyBox.y + applyBox.height <= noticeBox.y)).toBe(true);

    await page.locator(".panel-left .layer-history").first().click();
    await page.locator(".history-panel h3").waitFor();
    expect(await overlaps(page)).toEqual([]);
    await page.locator('.history-panel header .icon-button').click();
    await page.locator('.feature-details').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
