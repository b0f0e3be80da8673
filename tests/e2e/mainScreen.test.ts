import { describe, expect, it } from 'vitest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { districtStats } from '../../src/domain/progress/districtStats';
import { formatCount, formatLayerMeasure, formatMetric, formatPercent } from '../../src/domain/format/formatMeasure';
import { formatAreaPair } from '../../src/domain/format/formatAreaPair';
import { squareMetersToHectares } from '../../src/domain/measure/units';
import { countPixelsNear, openPlanMap, screenPointOf, waitForMapIdle } from './support/planMapPage';
import { interiorPointOf, screenColorsOf } from './support/geodataExpectations';
import { PALETTES } from '../../src/map/basemapPalettes';

const session = sampleDistrictSession();

function layerOf(layerId: string) {
  const layer = session.district.layers.find((candidate) => candidate.definition.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId} in geodata`);
  return layer;
}

const allLayerIds = () => session.district.manifest.layers.map((layer) => layer.id);

describe('the main screen on the bundled sample district', () => {
  it('draws each of the layers on the offline basemap, without console errors', async () => {
    // The control lines' hatches lie over some layers (the red line over the quarries): hidden here, so each layer's own colours count.
    const controlLineIds = (session.district.manifest.controlLines ?? []).map((line) => line.id);
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${[...allLayerIds(), ...controlLineIds].join(',')}`);
    for (const layerId of allLayerIds()) {
      // Quarry restoration lies on the hills: its fills blend over the hills' colour, not the land's.
      const colors = [...screenColorsOf(layerOf(layerId)), ...screenColorsOf(layerOf(layerId), PALETTES.light.hill)];
      const hidden = await countPixelsNear(page, colors, 6);
      await page.locator(`.layer-card[data-layer-id="${layerId}"] .layer-toggle input`).check();
      await waitForMapIdle(page);
      const shown = await countPixelsNear(page, colors, 6);
      expect(shown, `${layerId}: pixels in its status colours`).toBeGreaterThan(hidden + 300);
      await page.locator(`.layer-card[data-layer-id="${layerId}"] .layer-toggle input`).uncheck();
      await waitForMapIdle(page);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by status: the map and every number change together', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    const asOfDate = await page.locator('.as-of time').getAttribute('dateTime');
    expect(asOfDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const villages = layerOf('urban-villages');
    const pendingColor = screenColorsOf(villages)[0];
    if (!pendingColor) throw new Error('urban villages have no statuses');
    const pendingPixelsBefore = await countPixelsNear(page, [pendingColor], 6);

    await page.locator('.layer-card[data-layer-id="urban-villages"] button[data-status-id="demolished"]').click();
    await waitForMapIdle(page);

    const filter = { layers: { 'urban-villages': { statuses: ['demolished'], streets: [] } } };
    const expected = districtStats(session.district.manifest, session.district.layers, filter, asOfDate ?? '');
    const summary = expected.layers.find((layer) => layer.layerId === 'urban-villages');
    if (!summary) throw new Error('no summary');
    const card = page.locator('.stats-card[data-layer-id="urban-villages"]');
    await expect.poll(() => card.getByTestId('layer-total').textContent()).toBe(
      `${formatCount(summary.stats.totals.features, 'zh')} · ${formatLayerMeasure('ha', summary.stats.totals.areaSquareMeters, 0, 'zh')}`,
    );
    expect(summary.stats.totals.features).toBeLessThan(villages.features.length);
    for (const progress of summary.targets) {
      const numbers = await card.locator(`[data-target-id="${progress.targetId}"] [data-testid="target-numbers"]`).textContent();
      expect(numbers).toBe(`已完成 ${formatMetric(progress, progress.actual, 'zh')} / 目标 ${formatMetric(progress, progress.target, 'zh')} (${formatPercent(progress.percent, 'zh')})`);
    }
    expect(await countPixelsNear(page, [pendingColor], 6)).toBeLessThan(pendingPixelsBefore / 10);
    expect(new URL(page.url()).searchParams.get('status')).toBe('urban-villages:demolished');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redraws the map once for a filter click (a frame is a full redraw in software GL)', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await page.evaluate(() => {
      const map = (window as unknown as { planMap: { on(type: string, listener: () => void): void } }).planMap;
      const counter = window as unknown as { renders: number[] };
      counter.renders = [];
      map.on('render', () => counter.renders.push(performance.now()));
    });
    /** Frames drawn once at least `atLeast` were drawn and none for a second. */
    const quietRenders = async (atLeast: number) => {
      await expect.poll(() => page.evaluate((count) => {
        const { renders } = window as unknown as { renders: number[] };
        return renders.length >= count && performance.now() - (renders.at(-1) ?? 0) > 1000;
      }, atLeast), { timeout: 20_000 }).toBe(true);
      return page.evaluate(() => (window as unknown as { renders: number[] }).renders.length);
    };
    let drawn = await quietRenders(0);
    for (const status of ['demolished', 'demolished']) {
      await page.locator(`.layer-card[data-layer-id="urban-villages"] button[data-status-id="${status}"]`).click();
      const after = await quietRenders(drawn + 1);
      expect(after - drawn).toBe(1);
      drawn = after;
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a project\'s details when it is clicked', async () => {
    const layer = layerOf('old-neighborhoods');
    let largest = 0;
    layer.areaSquareMeters.forEach((area, index) => { if (area > (layer.areaSquareMeters[largest] ?? 0)) largest = index; });
    const feature = layer.features[largest];
    if (!feature) throw new Error('no feature');
    const [longitude, latitude] = interiorPointOf(feature);
    const others = allLayerIds().filter((id) => id !== 'old-neighborhoods').join(',');
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?map=16/${latitude}/${longitude}&hide=${others}`);
    const point = await screenPointOf(page, [longitude, latitude]);
    await page.mouse.click(point.x, point.y);
    const details = page.locator('.feature-details');
    await details.waitFor({ timeout: 10_000 });
    expect(await details.getAttribute('data-feature-id')).toBe(feature.id);
    expect(await details.locator('h2').textContent()).toBe(feature.properties.name);
    const area = layer.areaSquareMeters[largest] ?? 0;
    const [hectares, mu] = formatAreaPair(area, 'ha', 'zh');
    const measure = await details.getByTestId('feature-measure').textContent() ?? '';
    expect(measure).toContain(`${hectares} (${mu})`);
    // Both units to the same precision: as many significant digits in 公顷 as in 亩.
    const significantDigits = (text: string) => text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
    const [shownHectares, shownMu] = [...measure.matchAll(/([\d,.]+) (公顷|亩)/g)].map((match) => match[1] ?? '');
    expect(significantDigits(shownHectares ?? '')).toBe(significantDigits(shownMu ?? ''));
    expect(Number((shownHectares ?? '').replaceAll(',', ''))).toBeCloseTo(squareMetersToHectares(area), 2);
    expect(await details.locator('.history li').count()).toBe(feature.properties.history.length);
    expect(new URL(page.url()).searchParams.get('feature')).toBe(`old-neighborhoods/${feature.id}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores a shared view from its URL, and keeps it across a reload', async () => {
    const layer = layerOf('old-neighborhoods');
    const feature = layer.features.find((candidate) => candidate.properties.status === 'completed');
    if (!feature) throw new Error('no completed old neighborhood');
    const street = feature.properties.street ?? '';
    const search = `?map=14.50/24.95000/102.70000&hide=roads,lakeshore&status=old-neighborhoods:completed`
      + `&street=${encodeURIComponent(street)}&feature=old-neighborhoods/${feature.id}&lang=en`;
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}${search}`);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('.brand h1').textContent()).toBe('Plan Map');
      expect(await page.locator('.layer-card[data-layer-id="roads"] .layer-toggle input').isChecked()).toBe(false);
      expect(await page.locator('.layer-card[data-layer-id="lakeshore"] .layer-toggle input').isChecked()).toBe(false);
      expect(await page.locator('.layer-card[data-layer-id="green-space"] .layer-toggle input').isChecked()).toBe(true);
      expect(await page.locator('.layer-card[data-layer-id="old-neighborhoods"] button[data-status-id="completed"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.street-filter summary').textContent()).toBe(street);
      expect(await page.locator('.feature-details').getAttribute('data-feature-id')).toBe(feature.id);
      const camera = await page.evaluate(() => {
        const map = (window as unknown as { planMap: { getZoom(): number; getCenter(): { lng: number; lat: number } } }).planMap;
        return { zoom: map.getZoom(), ...map.getCenter() };
      });
      expect(camera.zoom).toBeCloseTo(14.5, 2);
      expect(camera.lng).toBeCloseTo(102.7, 4);
      expect(camera.lat).toBeCloseTo(24.95, 4);
      await page.reload();
      await waitForMapIdle(page);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('finds a project by name, flies to it and opens it', async () => {
    const layer = layerOf('green-space');
    const feature = layer.features[Math.floor(layer.features.length / 2)];
    if (!feature) throw new Error('no green space');
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await page.keyboard.press('/');
    await page.keyboard.type(feature.properties.name);
    await page.locator('.search-results li.active').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.feature-details').waitFor({ timeout: 10_000 });
    expect(await page.locator('.feature-details').getAttribute('data-feature-id')).toBe(feature.id);
    await waitForMapIdle(page);
    const visible = await page.evaluate((position) => {
      const map = (window as unknown as { planMap: { getBounds(): { contains(p: [number, number]): boolean }; getZoom(): number } }).planMap;
      return { contains: map.getBounds().contains(position), zoom: map.getZoom() };
    }, interiorPointOf(feature));
    expect(visible.contains).toBe(true);
    expect(visible.zoom).toBeGreaterThan(14);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches the whole interface to English and back, with a switch named in the language it switches to', async () => {
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    // Someone who reads no Chinese finds the switch by an English name, and a screen reader speaks it in English.
    const toEnglish = page.getByRole('button', { name: 'Switch to English' });
    expect(await toEnglish.getAttribute('lang')).toBe('en');
    await toEnglish.click();
    await expect.poll(() => page.locator('.brand h1').textContent()).toBe('Plan Map');
    const villages = layerOf('urban-villages').definition;
    expect(await page.locator('.layer-card[data-layer-id="urban-villages"] .layer-name').textContent()).toBe(villages.name.en);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const toChinese = page.getByRole('button', { name: '切换到中文' });
    expect(await toChinese.getAttribute('lang')).toBe('zh-CN');
    await toChinese.click();
    await expect.poll(() => page.locator('.brand h1').textContent()).toBe('规划一张图');
    expect(errors).toEqual([]);
    await page.close();
  });
});
