import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { interiorPointOf, readSampleDistrict } from './support/geodataExpectations';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';
const FEATURE = 'UV-004';

interface StoredLayer {
  features: { id: string; properties: { status: string; history: { date: string; status: string }[] } }[];
}

async function storedFeature(featureId: string) {
  const collection = JSON.parse(await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8')) as StoredLayer;
  return collection.features.find((feature) => feature.id === featureId);
}

describe('staff edit a project\'s status', () => {
  it('viewers who are not signed in see no edit controls', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW });
    await page.locator('.feature-details').waitFor();
    await expect.poll(() => page.locator('button.sign-in').count()).toBe(1);
    expect(await page.locator('.feature-editor, .edit-bar, .status-form').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes a status, the stats follow, undo and redo, then saves it to disk with its history', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${LAYER}/${FEATURE}`, { fixedTime: FIXED_NOW });
    await signIn(page);
    // The layer's card: its count per status and its targets' progress.
    const target = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    const before = await target.innerText();

    const form = page.locator('.feature-editor .status-form');
    await form.locator('select[name="status"]').selectOption('demolished');
    await form.locator('input[name="date"]').fill('2026-06-01');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => target.innerText()).not.toBe(before);
    const after = await target.innerText();
    await expect.poll(() => page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(1);

    await page.locator('.edit-bar button.undo').click();
    await expect.poll(() => target.innerText()).toBe(before);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => target.innerText()).toBe(after);

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    const saved = await storedFeature(FEATURE);
    expect(saved?.properties.status).toBe('demolished');
    expect(saved?.properties.history.at(-1)).toEqual({ date: '2026-06-01', status: 'demolished' });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('changes the status of a Shift+click selection in one edit, undone in one step', async () => {
    const district = await readSampleDistrict(session.server.geodataDirectory);
    const villages = district.layers.find((layer) => layer.definition.id === LAYER);
    const picked = ['UV-009', 'UV-020'].map((id) => villages?.features.find((feature) => feature.id === id));
    const [first, second] = picked;
    if (!first || !second) throw new Error('the sample lacks UV-009 or UV-020');
    const others = district.manifest.layers.map((layer) => layer.id).filter((id) => id !== LAYER).join(',');
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others}`, { fixedTime: FIXED_NOW });
    await signIn(page);
    const points = [interiorPointOf(first), interiorPointOf(second)];
    await page.evaluate((lonLats) => {
      const map = (window as unknown as { planMap: { fitBounds(bounds: [[number, number], [number, number]], options: object): void } }).planMap;
      const lons = lonLats.map((point) => point[0]);
      const lats = lonLats.map((point) => point[1]);
      map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: { top: 140, bottom: 100, left: 460, right: 80 }, animate: false, maxZoom: 16 });
    }, points);
    await waitForMapIdle(page);
    const [a, b] = await Promise.all(points.map((point) => screenPointOf(page, point)));
    if (!a || !b) throw new Error('no screen points');
    await page.mouse.click(a.x, a.y);
    await page.locator(`.feature-details[data-feature-id="${first.id}"]`).waitFor();
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    const bulk = page.locator('.bulk-status');
    await bulk.waitFor();
    expect(await bulk.locator('.bulk-ids li').allInnerTexts()).toEqual([first.id, second.id]);
    await bulk.locator('select[name="status"]').selectOption('demolishing');
    await bulk.locator('input[name="date"]').fill('2026-06-01');
    await bulk.locator('button[type="submit"]').click();
    const card = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(0);
    expect(await card.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
