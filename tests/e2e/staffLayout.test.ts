/**
 * The staff panels at laptop sizes: the details card with its forms, the edit bar, the history
 * panel, the import panel and update notices side by side, never on top of each other nor on the
 * timeline or the zoom buttons, and never over most of the map or the open project; attribute
 * problems shown at the field as typed; signing out with unsaved edits asks first, in a dialog
 * above everything.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Polygon } from 'geojson';
import { layoutProblems } from './support/layoutProblems';
import { mapVisibility } from './support/mapVisibility';
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

/** The map controls staff still need with panels open: each must be the topmost thing across its face (round buttons too). */
const CONTROLS = ['.timeline-play', '.maplibregl-ctrl-zoom-in'];

async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => selectors.flatMap((selector) => {
    const control = document.querySelector(selector);
    if (!control) return [`${selector}: missing`];
    const box = control.getBoundingClientRect();
    const points = [[0.5, 0.5], [0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]];
    return points.flatMap(([across = 0, down = 0]) => {
      const x = box.left + box.width * across;
      const y = box.top + box.height * down;
      const top = document.elementFromPoint(x, y);
      return top && control.contains(top) ? [] : [`${selector} under ${top ? top.className || top.tagName : 'nothing'}`];
    }).slice(0, 1);
  }), CONTROLS);
}

/** Opens the import panel on a copy of the layer with one project renamed: a real file with status histories. */
async function openImport(page: Page, fileName: string): Promise<void> {
  const original = await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8');
  const file = join(session.server.geodataDirectory, '..', fileName);
  await writeFile(file, original.replace('"name":"太平村"', '"name":"太平社区"'));
  await page.locator('.import-file-input').setInputFiles(file);
  await page.locator('.import-panel .import-progress[data-stage="done"]').waitFor({ timeout: 20_000 });
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
    expect(await coveredControls(page)).toEqual([]);

    // The import panel joins the column: the timeline and the zoom buttons stay free to use.
    await openImport(page, 'layout-1366.geojson');
    expect(await page.locator('.feature-details').isVisible()).toBe(true);
    expect(await overlaps(page)).toEqual([]);
    expect(await coveredControls(page)).toEqual([]);
    // The sample feature's status history reads as dates and statuses, not as JSON.
    const historyRow = page.locator('.import-sample tr').filter({ has: page.locator('th', { hasText: /^history$/ }) });
    expect(await historyRow.locator('td').innerText()).toBe('2024-01-11 待启动; 2024-04-10 改造中; 2025-01-11 已改造');

    await page.locator('button.sign-out').click();
    const confirm = page.locator('.sign-out-dialog');
    expect(await confirm.innerText()).toContain('有未保存的修改，退出后仍保留为草稿');
    // Above every panel, readable, with the page behind dimmed and out of reach.
    const shown = await confirm.evaluate((dialog) => {
      const box = dialog.getBoundingClientRect();
      const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const details = document.querySelector('.feature-details')?.getBoundingClientRect();
      const overDetails = details ? document.elementFromPoint(details.left + 20, details.top + 20) : null;
      const title = dialog.querySelector('h2');
      return {
        onTop: atCentre !== null && dialog.contains(atCentre),
        detailsCoveredBy: overDetails?.className ?? null,
        titleColour: title ? getComputedStyle(title).color : null,
        background: getComputedStyle(dialog).backgroundColor,
        backdrop: dialog.parentElement ? getComputedStyle(dialog.parentElement).backgroundColor : null,
      };
    });
    expect(shown.onTop).toBe(true);
    expect(shown.detailsCoveredBy).toBe('dialog-backdrop');
    expect(shown.titleColour).not.toBe(shown.background);
    expect(shown.backdrop).not.toBe('rgba(0, 0, 0, 0)');
    expect(await confirm.evaluate((dialog) => dialog.contains(document.activeElement) && document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await page.locator('.staff-user').count()).toBe(1);
    await page.locator('button.sign-out').click();
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
  it('keeps an update notice off the attribute form, an open history panel off the details card, and the import panel off the timeline and zoom buttons', async () => {
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

    await openImport(page, 'layout-1280.geojson');
    expect(await overlaps(page)).toEqual([]);
    expect(await coveredControls(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

/** What an editor keeps of the map with every staff panel open: at least this share of its area, and all of the open project. */
const MIN_UNCOVERED_MAP_SHARE = 0.45;

async function outlineOf(featureId: string): Promise<[number, number][]> {
  const text = await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8');
  const feature = (JSON.parse(text) as { features: { id: string; geometry: Polygon }[] }).features.find((candidate) => candidate.id === featureId);
  return (feature?.geometry.coordinates[0] ?? []).map(([lon = 0, lat = 0]) => [lon, lat]);
}

describe('the map beside the staff panels', () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    it(`keeps most of the map and the whole open project in view at ${viewport.width} × ${viewport.height}, with the details card, its forms, the edit bar and a chosen version open`, async () => {
      const { page, errors } = await openSignedIn(viewport);
      // A saved edit, so the history lists versions and the chosen one shows what it changed.
      await page.locator('.feature-editor .attribute-form input[name="households"]').fill(String(viewport.width));
      await page.locator('.feature-editor .attribute-form button[type="submit"]').click();
      const layerRow = page.locator(`.edit-layer[data-layer-id="${LAYER}"]`);
      await layerRow.locator('button.save-layer').click();
      await layerRow.locator('.save-ok').waitFor();
      await page.locator(`.layer-card[data-layer-id="${LAYER}"] .layer-history`).click();
      const newest = page.locator(`.history-panel[data-layer-id="${LAYER}"] .version-row`).first();
      await newest.locator('.version-choose').click();
      await newest.locator('.version-details .changed-feature').first().waitFor({ timeout: 15_000 });
      expect(await page.locator('.feature-details .attribute-form').isVisible()).toBe(true);
      expect(await page.locator('.edit-bar').isVisible()).toBe(true);

      const visibility = await mapVisibility(page, await outlineOf(FEATURE));
      expect(visibility.hiddenPoints).toEqual([]);
      expect(visibility.uncoveredShare).toBeGreaterThanOrEqual(MIN_UNCOVERED_MAP_SHARE);
      expect(await overlaps(page)).toEqual([]);
      expect(await coveredControls(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
  }
});
