import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Polygon, Position } from 'geojson';
import { buildSnapIndex } from '../../src/domain/edits/snapIndex';
import { nextFeatureId } from '../../src/domain/edits/nextFeatureId';
import { snapPoint, snapToleranceMeters } from '../../src/domain/edits/snapPoint';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { readSampleDistrict } from './support/geodataExpectations';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();

const FIXED_NOW = new Date('2026-06-15T10:00:00');
const LAYER = 'urban-villages';
const ZOOM = 17;

interface Point {
  x: number;
  y: number;
}

interface MapWindow {
  planMap: {
    jumpTo(options: { center: [number, number]; zoom: number; padding: { left: number; top: number; right: number; bottom: number } }): void;
    unproject(point: [number, number]): { lng: number; lat: number };
    getCanvas(): HTMLCanvasElement;
  };
}

async function storedLayer(): Promise<PlanFeature[]> {
  const text = await readFile(join(session.server.geodataDirectory, `${LAYER}.geojson`), 'utf8');
  return (JSON.parse(text) as { features: PlanFeature[] }).features;
}

async function villages(): Promise<PlanFeature[]> {
  const district = await readSampleDistrict(session.server.geodataDirectory);
  const layer = district.layers.find((candidate) => candidate.definition.id === LAYER);
  if (!layer) throw new Error(`no layer ${LAYER}`);
  return layer.features;
}

/** The map opened on one layer only (the others would be snapped to as well), signed in, centred on `center`. */
async function openAt(center: Position, layerId = LAYER): Promise<{ page: Page; errors: string[] }> {
  const district = await readSampleDistrict(session.server.geodataDirectory);
  const others = district.manifest.layers.map((layer) => layer.id).filter((id) => id !== layerId).join(',');
  const opened = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others}`, { fixedTime: FIXED_NOW });
  await signIn(opened.page);
  // Padding puts the centre right of the details card and below the edit bar, where clicks reach the map.
  await opened.page.evaluate(({ lonLat, zoom }) => {
    (window as unknown as MapWindow).planMap.jumpTo({ center: lonLat, zoom, padding: { left: 400, top: 220, right: 0, bottom: 0 } });
  }, { lonLat: [center[0] ?? 0, center[1] ?? 0] as [number, number], zoom: ZOOM });
  await waitForMapIdle(opened.page);
  return opened;
}

/** The lon/lat under a page position, as the map computes it for a click there. */
function lonLatAt(page: Page, point: Point): Promise<[number, number]> {
  return page.evaluate(({ x, y }) => {
    const map = (window as unknown as MapWindow).planMap;
    const rect = map.getCanvas().getBoundingClientRect();
    const { lng, lat } = map.unproject([x - rect.left, y - rect.top]);
    return [lng, lat] as [number, number];
  }, point);
}

function outerRing(feature: PlanFeature): Position[] {
  const geometry = feature.geometry as Polygon;
  return geometry.coordinates[0] ?? [];
}

/** The index of a parcel's southernmost vertex: the map's camera goes there, clear of the panels above. */
function southernIndex(feature: PlanFeature): number {
  const ring = outerRing(feature);
  return ring.slice(0, -1).reduce((best, position, at) => ((position[1] ?? 0) < (ring[best]?.[1] ?? 0) ? at : best), 0);
}

/** A vertex on screen, with page positions measured from it: `along` away from the parcel's middle, `across` to the side. */
async function cornerOnScreen(page: Page, feature: PlanFeature, index: number) {
  const ring = outerRing(feature);
  const vertex = ring[index] ?? [];
  const count = ring.length - 1;
  const centroid = [0, 1].map((axis) => ring.slice(0, -1).reduce((sum, position) => sum + (position[axis] ?? 0), 0) / count);
  const corner = await screenPointOf(page, [vertex[0] ?? 0, vertex[1] ?? 0]);
  const middle = await screenPointOf(page, [centroid[0] ?? 0, centroid[1] ?? 0]);
  const length = Math.hypot(corner.x - middle.x, corner.y - middle.y);
  const out = { x: (corner.x - middle.x) / length, y: (corner.y - middle.y) / length };
  const at = (along: number, across: number): Point => ({ x: Math.round(corner.x + out.x * along - out.y * across), y: Math.round(corner.y + out.y * along + out.x * across) });
  return { vertex, corner, at };
}

/** A test precondition: nothing of the layer (but `except`) lies within 20 px of these points, so they stay where clicked. */
async function expectNoSnapTarget(page: Page, features: PlanFeature[], points: Point[], except?: string): Promise<void> {
  const index = buildSnapIndex(LAYER, features);
  for (const point of points) {
    const lonLat = await lonLatAt(page, point);
    const snapped = snapPoint(lonLat, snapToleranceMeters(20, lonLat[1], ZOOM), [index], except ? { excludeFeature: { layerId: LAYER, featureId: except } } : {});
    expect(snapped.kind, `something to snap to near ${JSON.stringify(point)}`).toBe('none');
  }
}

describe('staff draw new projects and reshape old ones', () => {
  it('draws a polygon snapped to a neighbour\'s corner, names it, undoes and redoes it, and saves it', async () => {
    const features = await villages();
    const neighbour = features.find((feature) => feature.id === 'UV-005');
    if (!neighbour) throw new Error('the sample lacks UV-005');
    const { page, errors } = await openAt(outerRing(neighbour)[southernIndex(neighbour)] ?? []);
    const start = await cornerOnScreen(page, neighbour, southernIndex(neighbour));
    const { vertex } = start;
    // A kite hanging off the neighbour's corner: three free points and the corner itself.
    const free = [start.at(70, 45), start.at(70, -45), start.at(140, 0)];
    const [first, third, fourth] = free;
    if (!first || !third || !fourth) throw new Error('no points');
    await expectNoSnapTarget(page, features, free);
    const card = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    const before = await card.innerText();

    await page.locator('.draw-tools select[name="drawLayer"]').selectOption(LAYER);
    await page.locator('.draw-tools button.draw-polygon').click();
    await page.locator('.sketch-panel').waitFor();
    await page.mouse.click(first.x, first.y);
    // 3 px off the corner: within the 10 px snap tolerance.
    await page.mouse.click(start.corner.x + 3, start.corner.y - 2);
    await page.mouse.click(third.x, third.y);
    await page.mouse.click(fourth.x, fourth.y);
    await expect.poll(() => page.locator('.sketch-point-count').innerText()).toBe('4');
    expect(await page.locator('.sketch-area').innerText()).toMatch(/[1-9]/);
    // A click on the first point closes the polygon and asks for its attributes.
    await page.mouse.click(first.x + 1, first.y + 1);
    const form = page.locator('.new-feature');
    await form.waitFor();
    const newId = nextFeatureId(features, { id: LAYER });
    expect(await form.locator('.new-feature-id').innerText()).toBe(newId);
    // The layer's rules, as the server saves with them: a name and 实施方式 are required, so 添加 waits and says why.
    const add = form.locator('button.add-feature');
    const blocked = form.locator('.new-feature-blocked');
    await expect.poll(() => blocked.innerText()).toBe('请先填写或改正：名称、实施方式');
    expect(await add.isDisabled()).toBe(true);
    expect(await form.locator('#new-field-problem-plan').innerText()).toBe('实施方式：必填，不能为空');
    expect(await form.locator('select[name="plan"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#new-field-problem-name').innerText()).toBe('名称：必填，不能为空');
    // 街道 from where the shape lies: beside 马家庄, in its sub-district; it stays editable.
    const street = form.locator('input[name="street"]');
    await expect.poll(() => street.inputValue()).toBe(neighbour.properties.street);
    expect(await form.locator('.field-hint').innerText()).toBe('按图形所在位置填写，可修改');
    expect(await street.isEditable()).toBe(true);
    await form.locator('input[name="name"]').fill('测试新村');
    await expect.poll(() => blocked.innerText()).toBe('请先填写或改正：实施方式');
    await form.locator('select[name="status"]').selectOption('demolishing');
    await form.locator('input[name="date"]').fill('2026-06-01');
    await form.locator('select[name="plan"]').selectOption('renovate');
    await form.locator('input[name="households"]').fill('-3');
    await expect.poll(() => blocked.innerText()).toBe('请先填写或改正：涉及户数');
    expect(await form.locator('#new-field-problem-households').innerText()).toBe('涉及户数：-3 超出范围（应 >= 0）');
    await form.locator('input[name="households"]').fill('120');
    await expect.poll(() => blocked.count()).toBe(0);
    expect(await form.locator('.field-problem').count()).toBe(0);
    await add.click();
    await page.locator(`.feature-details[data-feature-id="${newId}"]`).waitFor();
    await expect.poll(() => card.innerText()).not.toBe(before);
    const after = await card.innerText();

    await page.locator('.edit-bar button.undo').click();
    await expect.poll(() => card.innerText()).toBe(before);
    expect(await page.locator(`.feature-details[data-feature-id="${newId}"]`).count()).toBe(0);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => card.innerText()).toBe(after);
    // Back on the map: a click inside the kite selects the new project.
    const inside = start.at(70, 0);
    await waitForMapIdle(page);
    await page.mouse.click(inside.x, inside.y);
    await page.locator(`.feature-details[data-feature-id="${newId}"]`).waitFor();

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    const saved = (await storedLayer()).find((feature) => feature.id === newId);
    expect(saved?.properties).toEqual({ name: '测试新村', status: 'demolishing', street: neighbour.properties.street, plan: 'renovate', households: 120, history: [{ date: '2026-06-01', status: 'demolishing' }] });
    const ring = saved ? outerRing(saved) : [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // The snapped vertex is the neighbour's own, to the last digit: the parcels share the corner.
    expect(ring).toContainEqual(vertex);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('leaves 街道 empty with a hint for a shape outside every sub-district, and holds 添加 until 类别 is chosen', async () => {
    // West of the district's westernmost sub-district (海埂街道 starts at 102.6314°E).
    const outside: [number, number] = [102.622, 24.95];
    const { page, errors } = await openAt(outside, 'idle-land');
    const centre = await screenPointOf(page, outside);
    await page.locator('.draw-tools select[name="drawLayer"]').selectOption('idle-land');
    await page.locator('.draw-tools button.draw-polygon').click();
    for (const [x, y] of [[-60, 40], [60, 40], [0, -60]] as const) await page.mouse.click(centre.x + x, centre.y + y);
    await expect.poll(() => page.locator('.sketch-point-count').innerText()).toBe('3');
    await page.keyboard.press('Enter');
    const form = page.locator('.new-feature[data-layer-id="idle-land"]');
    await form.waitFor();
    const blocked = form.locator('.new-feature-blocked');
    await expect.poll(() => blocked.innerText()).toBe('请先填写或改正：名称、类别');
    expect(await form.locator('#new-field-problem-category').innerText()).toBe('类别：必填，不能为空');
    await expect.poll(() => form.locator('.field-hint').innerText()).toBe('图形不在任何街道范围内，请手动填写');
    expect(await form.locator('input[name="street"]').inputValue()).toBe('');

    await form.locator('input[name="name"]').fill('界外地块');
    await form.locator('input[name="date"]').fill('');
    await expect.poll(() => blocked.innerText()).toBe('请先填写或改正：日期、类别');
    await form.locator('input[name="date"]').fill('2026-06-01');
    await form.locator('select[name="category"]').selectOption('idle');
    await form.locator('input[name="street"]').fill('海埂街道');
    await expect.poll(() => blocked.count()).toBe(0);
    const add = form.locator('button.add-feature');
    expect(await add.isDisabled()).toBe(false);
    await add.click();
    const district = await readSampleDistrict(session.server.geodataDirectory);
    const newId = nextFeatureId(district.layers.find((layer) => layer.definition.id === 'idle-land')?.features ?? [], { id: 'idle-land' });
    const details = page.locator(`.feature-details[data-feature-id="${newId}"] .attribute-table`);
    await expect.poll(() => details.innerText()).toContain('海埂街道');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('moves a vertex of an existing project by dragging it, undone and redone, then saved', async () => {
    const features = await storedLayer();
    const parcel = features.find((feature) => feature.id === 'UV-008');
    if (!parcel) throw new Error('the sample lacks UV-008');
    const original = outerRing(parcel);
    const index = southernIndex(parcel);
    const { page, errors } = await openAt(original[index] ?? []);
    const { corner, at } = await cornerOnScreen(page, parcel, index);
    const target = at(40, 10);
    await expectNoSnapTarget(page, features, [target], parcel.id);

    const inside = at(-30, 0);
    await page.mouse.click(inside.x, inside.y);
    await page.locator(`.feature-details[data-feature-id="${parcel.id}"]`).waitFor();
    await page.locator('.draw-tools button.edit-vertices').click();
    await page.locator('.vertices-hint').waitFor();
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 8 });
    await page.mouse.up();
    const expected = await lonLatAt(page, target);
    const unsaved = page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`);
    await unsaved.waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => unsaved.count()).toBe(0);
    await page.keyboard.press('Control+Shift+Z');
    await unsaved.waitFor();

    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] button.save-layer`).click();
    await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .save-ok`).waitFor();
    const saved = (await storedLayer()).find((feature) => feature.id === parcel.id);
    const ring = saved ? outerRing(saved) : [];
    expect(ring).toHaveLength(original.length);
    const moved = ring[index] ?? [];
    // Where the pointer let go, to a millimetre.
    expect(Math.abs((moved[0] ?? 0) - expected[0])).toBeLessThan(1e-8);
    expect(Math.abs((moved[1] ?? 0) - expected[1])).toBeLessThan(1e-8);
    expect(ring.filter((_, at) => at !== index && !(index === 0 && at === ring.length - 1))).toEqual(original.filter((_, at) => at !== index && !(index === 0 && at === original.length - 1)));
    expect(saved?.properties).toEqual(parcel.properties);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('takes points back with Backspace, cancels with Esc, and deletes the selection with Delete after asking', async () => {
    const features = await storedLayer();
    const parcel = features.find((feature) => feature.id === 'UV-020');
    if (!parcel) throw new Error('the sample lacks UV-020');
    const index = southernIndex(parcel);
    const { page, errors } = await openAt(outerRing(parcel)[index] ?? []);
    const { at } = await cornerOnScreen(page, parcel, index);
    const points = [at(60, 40), at(60, -40), at(120, 0)];
    await expectNoSnapTarget(page, features, points);
    await page.locator('.draw-tools button.draw-polygon').click();
    for (const point of points) await page.mouse.click(point.x, point.y);
    const count = page.locator('.sketch-point-count');
    await expect.poll(() => count.innerText()).toBe('3');
    await page.keyboard.press('Backspace');
    await expect.poll(() => count.innerText()).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.sketch-panel').count()).toBe(0);
    expect(await page.locator(`.edit-layer[data-layer-id="${LAYER}"] .unsaved-indicator`).count()).toBe(0);

    const card = page.locator(`.stats-card[data-layer-id="${LAYER}"]`);
    const before = await card.innerText();
    const inside = at(-30, 0);
    await page.mouse.click(inside.x, inside.y);
    const details = page.locator(`.feature-details[data-feature-id="${parcel.id}"]`);
    await details.waitFor();
    const asked: string[] = [];
    page.once('dialog', (dialog) => { asked.push(dialog.message()); void dialog.dismiss(); });
    await page.keyboard.press('Delete');
    await expect.poll(() => asked.length).toBe(1);
    expect(await details.count()).toBe(1);
    page.once('dialog', (dialog) => { asked.push(dialog.message()); void dialog.accept(); });
    await page.keyboard.press('Delete');
    await expect.poll(() => details.count()).toBe(0);
    expect(asked).toEqual(['确定删除此项目？可撤销。', '确定删除此项目？可撤销。']);
    await expect.poll(() => card.innerText()).not.toBe(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => card.innerText()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
