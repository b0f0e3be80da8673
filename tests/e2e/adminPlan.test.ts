import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN, writeTestAccounts } from '../api/support/apiTestServer';
import { openPlanMap } from './support/planMapPage';
import { EDITOR, signIn, staffSession } from './support/staffServer';

/*
 * An admin changes a plan target on the admin screen; a reader's page that is open and signed out
 * shows the new target and progress without reloading, and layers.json holds the new value.
 */

const session = staffSession();

beforeAll(async () => {
  await writeTestAccounts(session.server.stateDirectory, [{ ...EDITOR, role: 'editor' }, { ...ADMIN, role: 'admin' }]);
});

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const targetNumbers = (page: Page) => page.locator('.target[data-target-id="uv-demolish"] [data-testid="target-numbers"]');

it('an admin raises a target and a signed-out reader sees the new progress', async () => {
  const reader = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: FIXED_NOW, viewport: { width: 1100, height: 700 } });
  await expect.poll(() => targetNumbers(reader.page).textContent()).toMatch(/目标 18\b/);
  const readerPercent = await targetNumbers(reader.page).textContent();

  const admin = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: FIXED_NOW });
  await signIn(admin.page, ADMIN);
  await admin.page.locator('button.open-admin').click();
  const panel = admin.page.locator('.admin-panel');
  const value = panel.getByLabel('城中村拆除 目标值');
  await value.waitFor();

  // A value the app could not load is named, with its layer and target, and cannot be saved.
  await value.fill('0');
  await expect.poll(() => panel.locator('[role="alert"]').textContent()).toContain('城中村 › 目标 城中村拆除 › 目标值');
  expect(await panel.locator('.admin-save-button').isDisabled()).toBe(true);

  await value.fill('20');
  await expect.poll(() => panel.locator('.admin-changes').textContent()).toContain('目标值：18 → 20');
  const box = await panel.locator('.admin-save-button').boundingBox();
  expect(box && box.y + box.height <= 768 && box.x + box.width <= 1366, 'the save button is on screen at 1366×768').toBe(true);
  await panel.locator('.admin-save-button').click();
  await panel.locator('.admin-saved').waitFor();

  const stored = JSON.parse(await readFile(join(session.server.geodataDirectory, 'layers.json'), 'utf8')) as { layers: { targets: { id: string; target: number }[] }[] };
  expect(stored.layers.flatMap((layer) => layer.targets).find((target) => target.id === 'uv-demolish')?.target).toBe(20);

  await expect.poll(() => targetNumbers(reader.page).textContent(), { timeout: 20_000 }).toMatch(/目标 20\b/);
  expect(await targetNumbers(reader.page).textContent()).not.toBe(readerPercent);
  // The history lists the save in words.
  await expect.poll(() => panel.locator('.admin-history').textContent()).toContain('18 → 20');
  expect(reader.errors).toEqual([]);
  expect(admin.errors).toEqual([]);
  await Promise.all([reader.page.close(), admin.page.close()]);
}, 180_000);
