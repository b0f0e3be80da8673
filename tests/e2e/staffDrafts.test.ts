import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPlanMap, waitForMapIdle } from './support/planMapPage';
import { EDITOR, signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';

interface StoredLayer {
  features: { id: string; properties: { name: string; status: string; history: { date: string; status: string }[] } }[];
}

async function storedFeature(featureId: string) {
  const collection = JSON.parse(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as StoredLayer;
  return collection.features.find((feature) => feature.id === featureId);
}

async function openSignedIn(featureId: string): Promise<{ page: Page; errors: string[] }> {
  // A smaller canvas: two software-rendered maps at once are the slow part of these tests.
  const opened = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${featureId}`, { fixedTime: FIXED_NOW, viewport: { width: 1100, height: 700 } });
  await signIn(opened.page);
  await opened.page.locator('.feature-editor').waitFor();
  return opened;
}

async function changeStatus(page: Page, statusId: string, isoDate: string): Promise<void> {
  const form = page.locator('.feature-editor .status-form');
  await form.locator('select[name="status"]').selectOption(statusId);
  await form.locator('input[name="date"]').fill(isoDate);
  await form.locator('button[type="submit"]').click();
}

async function rename(page: Page, name: string): Promise<void> {
  const form = page.locator('.feature-editor .attribute-form');
  await form.locator('input[name="name"]').fill(name);
  await form.locator('button[type="submit"]').click();
}

describe('unsaved edits are never lost', () => {
  it('offers the edits again after a reload, warning before the page is left', async () => {
    const { page, errors } = await openSignedIn('UV-009');
    await changeStatus(page, 'expropriating', '2026-06-02');
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    await waitForMapIdle(page);
    const offer = page.locator(`.draft-offer[data-layer-id="${LAYER}"]`);
    await offer.waitFor();
    expect(dialogs).toContain('beforeunload');
    await offer.locator('button.restore-draft').click();
    await expect.poll(() => page.locator('.feature-details .details-summary').innerText()).toContain('征收中');
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    expect((await storedFeature('UV-009'))?.properties.status).toBe('pending');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a conflict when two editors change the same project, and keeps both editors\' other edits', async () => {
    const [first, second] = await Promise.all([openSignedIn('UV-004'), openSignedIn('UV-004')]);

    // Both edit before either saves: a tab without unsaved edits would take the other's save live, and meet no conflict.
    await changeStatus(second.page, 'demolishing', '2026-06-04');
    await second.page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await changeStatus(first.page, 'expropriating', '2026-06-03');
    await first.page.locator('.search input').fill('UV-012');
    await first.page.locator('.search input').press('Enter');
    await first.page.locator('.feature-details[data-feature-id="UV-012"] .feature-editor').waitFor();
    await rename(first.page, '张官营（一期）');
    await first.page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await first.page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();

    await second.page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    const dialog = second.page.locator('.conflict-dialog');
    await dialog.waitFor();
    const item = dialog.locator('.conflict-item[data-feature-id="UV-004"]');
    // In the layer's own words, with who saved the server copy: never raw keys or history JSON.
    expect(await item.locator('.conflict-theirs').innerText()).toContain('状态：待启动 → 征收中');
    expect(await item.locator('.conflict-theirs').innerText()).toContain('状态历程：新增 2026-06-03 征收中');
    expect(await item.locator('.conflict-ours').innerText()).toContain('状态：待启动 → 拆除中');
    expect(await item.innerText()).not.toMatch(/status:|"date"/);
    await expect.poll(() => dialog.locator('.conflict-author').innerText().catch(() => '')).toMatch(new RegExp(`由 ${EDITOR.username} 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 保存`));

    // A modal: focus is inside, Tab does not leave it, Esc closes it keeping the edits unsaved.
    const focusInDialog = () => second.page.evaluate(() => (document.activeElement?.closest('.conflict-dialog') ?? null) !== null);
    await expect.poll(focusInDialog).toBe(true);
    await dialog.locator('button.save-again').focus();
    await second.page.keyboard.press('Tab');
    expect(await focusInDialog()).toBe(true);
    await second.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await second.page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await expect.poll(() => second.page.evaluate(() => document.activeElement?.matches('button.save-layer') ?? false)).toBe(true);
    expect(await second.page.locator('.feature-details .details-summary').innerText()).toContain('拆除中');
    expect((await storedFeature('UV-004'))?.properties.status).toBe('expropriating');

    await second.page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await item.waitFor();
    await item.locator('input[value="ours"]').check();
    await dialog.locator('button.save-again').click();
    await second.page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();

    const uv004 = await storedFeature('UV-004');
    expect(uv004?.properties.status).toBe('demolishing');
    expect(uv004?.properties.history.at(-1)).toEqual({ date: '2026-06-04', status: 'demolishing' });
    expect((await storedFeature('UV-012'))?.properties.name).toBe('张官营（一期）');
    expect(first.errors).toEqual([]);
    expect(second.errors.filter((error) => !error.includes('412'))).toEqual([]);
    await first.page.close();
    await second.page.close();
  }, 90_000);

  it('keeps the drafts of two tabs that crashed, and a new tab restores both', async () => {
    // One browser context: the tabs share localStorage and the sign-in, as two tabs of one browser do.
    const context = await session.browser.newContext({ viewport: { width: 1100, height: 700 } });
    const errors: string[] = [];
    const openTab = async (featureId: string): Promise<Page> => {
      const page = await context.newPage();
      await page.clock.setFixedTime(FIXED_NOW);
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${session.server.baseUrl}?feature=${LAYER}/${featureId}`);
      await waitForMapIdle(page);
      return page;
    };
    const storedDraftCount = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('plan-map:user-draft:')).length);

    const first = await openTab('UV-009');
    await signIn(first);
    await first.locator('.feature-editor').waitFor();
    const second = await openTab('UV-016');
    await second.locator('.feature-editor').waitFor();
    await changeStatus(first, 'expropriating', '2026-06-05');
    await first.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await changeStatus(second, 'demolishing', '2026-06-06');
    await second.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await expect.poll(() => storedDraftCount(second)).toBe(2);
    // A crash: neither tab gets to warn or clean up.
    await first.close({ runBeforeUnload: false });
    await second.close({ runBeforeUnload: false });

    const third = await openTab('UV-009');
    const offers = third.locator(`.draft-offer[data-layer-id="${LAYER}"]`);
    await expect.poll(() => offers.count()).toBe(2);
    expect(await offers.locator('.draft-summary').allInnerTexts()).toEqual(['修改了 1 个项目', '修改了 1 个项目']);
    await offers.first().locator('button.restore-draft').click();
    await expect.poll(() => offers.count()).toBe(1);
    await offers.first().locator('button.restore-draft').click();
    await expect.poll(() => offers.count()).toBe(0);

    await expect.poll(() => third.locator('.feature-details[data-feature-id="UV-009"] .details-summary').innerText()).toContain('征收中');
    await third.locator('.search input').fill('UV-016');
    await third.locator('.search input').press('Enter');
    await expect.poll(() => third.locator('.feature-details[data-feature-id="UV-016"] .details-summary').innerText()).toContain('拆除中');
    // Both drafts now live on as this tab's one draft: a crash of this tab still keeps both edits.
    await expect.poll(() => storedDraftCount(third)).toBe(1);
    const storedStatuses = await third.evaluate(() => Object.entries(localStorage)
      .filter(([key]) => key.startsWith('plan-map:user-draft:'))
      .flatMap(([, value]) => (JSON.parse(value) as { moments: { putFeatures: { id: string; properties: { status: string } }[] }[] }).moments)
      .flatMap((moment) => moment.putFeatures.map((feature) => `${feature.id}:${feature.properties.status}`))
      .sort());
    expect(storedStatuses).toEqual(['UV-009:expropriating', 'UV-016:demolishing']);
    expect((await storedFeature('UV-009'))?.properties.status).toBe('pending');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
