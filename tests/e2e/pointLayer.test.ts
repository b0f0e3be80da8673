import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { geometryColumns } from '../../src/domain/columns/geometryColumns';
import { pointClusters } from '../../src/domain/columns/pointClusters';
import { CLUSTER_CELL_PIXELS } from '../../src/map/pointDeckLayers';
import { countPixelsNear, openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { signIn, staffSession } from './support/staffServer';
import { addPointLayer, FIRST_FACILITY_LON_LAT, POINT_LAYER_ID, POINT_STATUSES } from './support/pointLayerFixture';

const session = staffSession((geodataDirectory) => addPointLayer(geodataDirectory));

const FIXED_NOW = new Date('2026-06-15T10:00:00');
/** Software GL on a shared machine: opening, signing in and two edits take more than the default minute. */
const TEST_TIMEOUT_MS = 180_000;

function rgbOf(hex: string): [number, number, number] {
  return [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16)];
}

const colorOf = (statusId: string): [number, number, number] => rgbOf(POINT_STATUSES.find((status) => status.id === statusId)?.color ?? '#000000');

async function storedFacilities(): Promise<PlanFeature[]> {
  const text = await readFile(join(session.server.geodataDirectory, `${POINT_LAYER_ID}.geojson`), 'utf8');
  return (JSON.parse(text) as { features: PlanFeature[] }).features;
}

/** The position of the cluster holding most facilities at `zoom` (nothing filtered). */
async function largestClusterAt(zoom: number): Promise<[number, number]> {
  const features = await storedFacilities();
  const geometry = geometryColumns(features, 'point');
  const clusters = pointClusters(geometry, new Uint8Array(features.length).fill(1), new Uint16Array(features.length), 1, zoom, CLUSTER_CELL_PIXELS);
  const largest = clusters.pointCount.indexOf(Math.max(...clusters.pointCount));
  return [(clusters.positions[2 * largest] ?? 0) + geometry.origin[0], (clusters.positions[2 * largest + 1] ?? 0) + geometry.origin[1]];
}

/** The map with only the point layer shown, the first facility at the centre of the free map area. */
async function openOnFacilities(zoom: number): Promise<{ page: Page; errors: string[] }> {
  const manifest = JSON.parse(await readFile(join(session.server.geodataDirectory, 'layers.json'), 'utf8')) as { layers: { id: string }[] };
  const others = manifest.layers.map((layer) => layer.id).filter((id) => id !== POINT_LAYER_ID).join(',');
  const [lon, lat] = FIRST_FACILITY_LON_LAT;
  return openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others}&map=${zoom}/${lat}/${lon}`, { fixedTime: FIXED_NOW });
}

describe('a point layer', () => {
  it('draws each point in its status colour, and a click on one opens its details with its location', async () => {
    const { page, errors } = await openOnFacilities(14);
    for (const status of POINT_STATUSES) {
      // About thirteen points of each status, each a disc of about 50 pixels of its colour.
      expect(await countPixelsNear(page, [colorOf(status.id)], 6), status.id).toBeGreaterThan(200);
    }
    const first = await screenPointOf(page, FIRST_FACILITY_LON_LAT);
    await page.mouse.click(first.x, first.y);
    const details = page.locator('.feature-details[data-feature-id="FAC-001"]');
    await details.waitFor();
    expect(await details.locator('[data-testid="feature-measure"]').innerText()).toBe('102.695900°E, 24.997000°N');
    expect(await details.innerText()).toContain('设施1号');
    expect(await page.locator(`.stats-card[data-layer-id="${POINT_LAYER_ID}"] [data-testid="layer-total"]`).innerText()).toBe('40');
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('aggregates points into clusters when zoomed out, and a status filter hides points and recounts the clusters', async () => {
    const { page, errors } = await openOnFacilities(12);
    const planned = colorOf('planned');
    const opened = colorOf('opened');
    const plannedBefore = await countPixelsNear(page, [planned], 6);
    const openedBefore = await countPixelsNear(page, [opened], 6);
    expect(plannedBefore + openedBefore).toBeGreaterThan(200);
    const picture = await page.locator('.map canvas').screenshot();

    await page.locator(`.layer-card[data-layer-id="${POINT_LAYER_ID}"] button[data-status-id="opened"]`).click();
    await waitForMapIdle(page);
    // Only opened facilities are left: no cluster is coloured planned any more, and the opened ones remain.
    expect(await countPixelsNear(page, [planned], 6)).toBeLessThan(plannedBefore / 10);
    expect(await countPixelsNear(page, [opened], 6)).toBeGreaterThan(50);
    expect((await page.locator('.map canvas').screenshot()).equals(picture)).toBe(false);
    expect(new URL(page.url()).searchParams.get('status')).toBe(`${POINT_LAYER_ID}:opened`);

    // A click on a cluster zooms in on it.
    await page.locator(`.layer-card[data-layer-id="${POINT_LAYER_ID}"] button[data-status-id="opened"]`).click();
    await waitForMapIdle(page);
    const zoomBefore = await page.evaluate(() => (window as unknown as { planMap: { getZoom(): number } }).planMap.getZoom());
    // Where the largest cluster stands, as the domain bins the stored facilities at this zoom.
    const largest = await largestClusterAt(12);
    const onScreen = await screenPointOf(page, largest);
    await page.mouse.click(onScreen.x, onScreen.y);
    await page.waitForFunction((before) => (window as unknown as { planMap: { getZoom(): number; isMoving(): boolean } }).planMap.getZoom() > before + 1, zoomBefore);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('lets staff add a point with one click and move another by dragging it, then save both', async () => {
    const { page, errors } = await openOnFacilities(16);
    await signIn(page);
    await waitForMapIdle(page);
    const first = await screenPointOf(page, FIRST_FACILITY_LON_LAT);
    // 80 px south-west of the first facility: nothing there (the grid runs north and east of it).
    const placeAt = { x: Math.round(first.x - 80), y: Math.round(first.y + 80) };
    await page.locator('.draw-tools select[name="drawLayer"]').selectOption(POINT_LAYER_ID);
    await page.locator('.draw-tools button.draw-point').click();
    await page.locator('.sketch-panel').waitFor();
    await page.mouse.click(placeAt.x, placeAt.y);
    const form = page.locator('.new-feature');
    await form.waitFor();
    expect(await form.locator('.new-feature-id').innerText()).toBe('FAC-041');
    expect(await form.locator('.new-feature-measure').innerText()).toMatch(/^102\.69\d+°E, 24\.99\d+°N$/);
    await form.locator('input[name="name"]').fill('新建设施');
    await form.locator('select[name="status"]').selectOption('planned');
    await form.locator('input[name="date"]').fill('2026-06-01');
    await form.locator('button.add-feature').click();
    await page.locator('.feature-details[data-feature-id="FAC-041"]').waitFor();

    await waitForMapIdle(page);
    await page.mouse.click(first.x, first.y);
    await page.locator('.feature-details[data-feature-id="FAC-001"]').waitFor();
    await page.locator('.draw-tools button.edit-vertices').click();
    await page.locator('.vertices-hint').waitFor();
    const target = { x: first.x - 60, y: first.y + 20 };
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await page.mouse.up();
    await page.locator(`.edit-layer[data-layer-id="${POINT_LAYER_ID}"] .unsaved-indicator`).waitFor();
    await page.keyboard.press('Escape');

    await page.locator(`.edit-layer[data-layer-id="${POINT_LAYER_ID}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${POINT_LAYER_ID}"] .save-ok`).waitFor();
    const stored = await storedFacilities();
    const added = stored.find((feature) => feature.id === 'FAC-041');
    expect(added?.geometry?.type).toBe('Point');
    expect(added?.properties).toMatchObject({ name: '新建设施', status: 'planned', history: [{ date: '2026-06-01', status: 'planned' }] });
    const moved = stored.find((feature) => feature.id === 'FAC-001');
    const [movedLon = 0, movedLat = 0] = moved?.geometry?.type === 'Point' ? moved.geometry.coordinates : [];
    // 60 px west and 20 px south at zoom 16 (about 1.1 m a pixel): some 65 m west, 20 m south.
    expect(movedLon).toBeLessThan(FIRST_FACILITY_LON_LAT[0] - 0.0004);
    expect(movedLat).toBeLessThan(FIRST_FACILITY_LON_LAT[1] - 0.0001);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);
});
