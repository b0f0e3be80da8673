import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { statusAsOf } from '../../src/domain/progress/statusAsOf';
import { paperPixels, type ImageSize } from '../../src/domain/print/paperPixels';
import { printMapFrame } from '../../src/domain/print/printMapFrame';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { countPixelsNear, openPlanMap } from './support/planMapPage';
import { screenColorsOf } from './support/geodataExpectations';

const session = sampleDistrictSession();

/** Local noon, so "today" in the page is this date in any time zone near China's. */
const FIXED_NOW = new Date('2026-03-15T12:00:00');
/** The title band of a 300 dpi sheet: 64 layout units of 1/96 inch. */
const PRINT_TITLE_BAND_PIXELS = Math.round((64 * 300) / 96);
/** A print is drawn again in software GL (SwiftShader) on a shared 2-core machine. */
const PRINT_TEST_TIMEOUT_MS = 240_000;

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

function wholeOf(png: PNG): Region {
  return { left: 0, top: 0, width: png.width, height: png.height };
}

/** How many pixels of the region have each colour (0xRRGGBB). */
function colorCounts(png: PNG, region: Region = wholeOf(png)): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = region.top; y < region.top + region.height; y += 1) {
    for (let x = region.left; x < region.left + region.width; x += 1) {
      const offset = (y * png.width + x) * 4;
      const color = ((png.data[offset] ?? 0) << 16) | ((png.data[offset + 1] ?? 0) << 8) | (png.data[offset + 2] ?? 0);
      counts.set(color, (counts.get(color) ?? 0) + 1);
    }
  }
  return counts;
}

function countExact(counts: ReadonlyMap<number, number>, hex: string): number {
  return counts.get(parseInt(hex.slice(1), 16)) ?? 0;
}

/** Pixels within `tolerance` (RGB distance) of one of the colours. */
function countNear(counts: ReadonlyMap<number, number>, colors: readonly (readonly [number, number, number])[], tolerance: number): number {
  let total = 0;
  for (const [color, count] of counts) {
    const [red, green, blue] = [(color >> 16) & 255, (color >> 8) & 255, color & 255];
    if (colors.some(([r, g, b]) => (red - r) ** 2 + (green - g) ** 2 + (blue - b) ** 2 <= tolerance ** 2)) total += count;
  }
  return total;
}

/** The middle of a region, half its width and height: map only, away from the legend, north arrow and scale bar. */
function middleOf(region: Region): Region {
  return { left: region.left + Math.round(region.width / 4), top: region.top + Math.round(region.height / 4), width: Math.round(region.width / 2), height: Math.round(region.height / 2) };
}

/**
 * How steep the region's edges are: the sum of squared luminance steps between horizontal
 * neighbours over the sum of the steps. An edge of contrast h drawn in one pixel gives h; the
 * same edge enlarged r times spreads over r pixels and gives h / r, whatever the number of edges.
 */
function edgeSteepness(png: PNG, region: Region): number {
  const luminance = (offset: number) => 0.299 * (png.data[offset] ?? 0) + 0.587 * (png.data[offset + 1] ?? 0) + 0.114 * (png.data[offset + 2] ?? 0);
  let steps = 0;
  let squares = 0;
  for (let y = region.top; y < region.top + region.height; y += 1) {
    for (let x = region.left + 1; x < region.left + region.width; x += 1) {
      const offset = (y * png.width + x) * 4;
      const step = Math.abs(luminance(offset) - luminance(offset - 4));
      steps += step;
      squares += step * step;
    }
  }
  return squares / steps;
}

/** Opens the image export dialog, chooses a size and downloads: the file's name, its pixels and the dialog's message. */
async function exportImage(page: Page, size: ImageSize): Promise<{ fileName: string; png: PNG; message: string }> {
  await page.locator('button.export-image').click();
  const dialog = page.locator('.export-image-dialog');
  await dialog.locator(`input[name="image-size"][value="${size}"]`).check();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    dialog.locator('button.export-download').click(),
  ]);
  const png = PNG.sync.read(readFileSync(await download.path()));
  const message = await dialog.locator('.export-done').innerText();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return { fileName: download.suggestedFilename(), png, message };
}

function liveCanvasSize(page: Page): Promise<{ width: number; height: number; cssWidth: number; cssHeight: number }> {
  return page.evaluate(() => {
    const canvas = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement } }).planMap.getCanvas();
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight };
  });
}

/** The map on screen enlarged by `factor` the way an image viewer would (bilinear), as a PNG. */
async function enlargedScreenMap(page: Page, factor: number): Promise<PNG> {
  const dataUrl = await page.evaluate((scale) => {
    const source = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement } }).planMap.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(source.width * scale);
    canvas.height = Math.round(source.height * scale);
    canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  }, factor);
  return PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
}

/** The status colours of every layer, split by whether the status is expected in the legend. */
function statusColors(expected: ReadonlyMap<string, ReadonlySet<string>>): { shown: string[]; hidden: string[] } {
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const layer of session.district.manifest.layers)
    for (const status of layer.statuses) (expected.get(layer.id)?.has(status.id) ? shown : hidden).push(status.color);
  return { shown, hidden };
}

/** Per visible layer, the statuses its projects passing `statuses` (all when absent) have on each day. */
function statusesOn(days: readonly string[], visible: readonly string[], filters: Record<string, string[]> = {}): Map<string, Set<string>> {
  const expected = new Map<string, Set<string>>();
  for (const layer of session.district.layers) {
    const { id } = layer.definition;
    if (!visible.includes(id)) continue;
    const found = new Set<string>();
    for (const feature of layer.features)
      for (const day of days) {
        const status = statusAsOf(feature.properties, day);
        if (status && (!filters[id] || filters[id].includes(status))) found.add(status);
      }
    expected.set(id, found);
  }
  return expected;
}

describe('exporting the view as a PNG for reports', () => {
  it('downloads the screen\'s map under a title band, with a legend of exactly the statuses shown', async () => {
    const villages = session.district.manifest.layers.find((layer) => layer.id === 'urban-villages');
    const [pending, , , demolished] = villages?.statuses ?? [];
    if (!pending || !demolished) throw new Error('urban villages need their lifecycle');
    const others = session.district.manifest.layers.filter((layer) => layer.id !== 'urban-villages').map((layer) => layer.id);
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others.join(',')}&status=urban-villages:demolished&date=2026-01-31`, { fixedTime: FIXED_NOW });
    const { fileName, png } = await exportImage(page, 'screen');
    expect(fileName).toBe('湖滨区-规划一张图-2026-01-31.png');
    const canvasSize = await liveCanvasSize(page);
    const ratio = canvasSize.width / canvasSize.cssWidth;
    const header = Math.round(64 * ratio);
    expect(png.width).toBe(canvasSize.width);
    expect(png.height).toBe(canvasSize.height + header);
    expect(countExact(colorCounts(png, { left: 0, top: 0, width: png.width, height: header }), '#ffffff')).toBeGreaterThan(png.width * header * 0.8);
    const legend = colorCounts(png, { left: 0, top: header, width: Math.round(220 * ratio), height: Math.round(120 * ratio) });
    expect(countExact(legend, demolished.color)).toBeGreaterThan(100);
    expect(countExact(legend, pending.color)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints A4 landscape at 300 dpi: 3508 × 2480 pixels, the map drawn sharp at print resolution, a legend of only what the map shows', async () => {
    const day = '2024-03-01';
    const villageStatuses = ['pending', 'expropriating', 'demolished'];
    const { page, errors } = await openPlanMap(
      session.browser,
      `${session.server.baseUrl}?hide=roads&status=urban-villages:${villageStatuses.join(',')}&date=${day}`,
      { fixedTime: FIXED_NOW, viewport: { width: 1920, height: 1080 } },
    );
    const screen = await liveCanvasSize(page);
    const { fileName, png, message } = await exportImage(page, 'a4-landscape');
    expect(fileName).toBe(`湖滨区-规划一张图-${day}-A4横向.png`);
    expect([png.width, png.height]).toEqual([3508, 2480]);
    expect(message).toContain('3,508 × 2,480');

    // The screen's view, drawn with more pixels per CSS pixel: the plan's fills cover the
    // screen's count times the ratio squared, with edges as steep as the screen's, not enlarged from it.
    const a4 = paperPixels('a4-landscape');
    const frame = printMapFrame(screen, { width: a4.width, height: a4.height - PRINT_TITLE_BAND_PIXELS });
    const factor = frame.pixelRatio / (screen.width / screen.cssWidth);
    expect(factor).toBeGreaterThan(1.5);
    const mapRegion = { left: 0, top: PRINT_TITLE_BAND_PIXELS, width: png.width, height: png.height - PRINT_TITLE_BAND_PIXELS };
    const fills = session.district.layers.filter((layer) => layer.definition.id !== 'roads').flatMap((layer) => screenColorsOf(layer));
    const onScreen = await countPixelsNear(page, fills, 12);
    expect(onScreen).toBeGreaterThan(10_000);
    const printed = countNear(colorCounts(png, mapRegion), fills, 12) / (onScreen * factor ** 2);
    expect(printed).toBeGreaterThan(0.8);
    expect(printed).toBeLessThan(1.2);
    const enlarged = await enlargedScreenMap(page, factor);
    expect(edgeSteepness(png, middleOf(mapRegion))).toBeGreaterThan(1.5 * edgeSteepness(enlarged, middleOf(wholeOf(enlarged))));

    // 2024-03-01: urban villages only pending or expropriating (none demolished yet), the other
    // layers mostly pending; roads hidden.
    const visible = session.district.manifest.layers.map((layer) => layer.id).filter((id) => id !== 'roads');
    const expected = statusesOn([day], visible, { 'urban-villages': villageStatuses });
    expect(expected.get('urban-villages')).toEqual(new Set(['pending', 'expropriating']));
    const { shown, hidden } = statusColors(expected);
    const counts = colorCounts(png);
    // drawLegendBox: a 16 × 12 px bar for areas and lines, a dot of 5 px radius for a point layer's status.
    const swatch = Math.round((16 * 300) / 96) * Math.round((12 * 300) / 96);
    const dot = Math.PI * ((5 * 300) / 96) ** 2;
    const pointColors = new Set(session.district.manifest.layers.filter((layer) => layer.geometry === 'point').flatMap((layer) => layer.statuses.map((status) => status.color)));
    for (const color of shown) expect({ color, pixels: countExact(counts, color) > (pointColors.has(color) ? dot : swatch) / 2 }).toEqual({ color, pixels: true });
    for (const color of hidden) expect({ color, pixels: countExact(counts, color) < 10 }).toEqual({ color, pixels: true });
    expect(errors).toEqual([]);
    await page.close();
  }, PRINT_TEST_TIMEOUT_MS);

  it('prints what compare mode shows: both sides split where the divider is, both dates, the statuses of both days', async () => {
    const day = '2024-03-01';
    const compareDay = '2026-03-15';
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=roads&date=${day}&compare=${compareDay}`, { fixedTime: FIXED_NOW });
    const { fileName, png } = await exportImage(page, 'a4-portrait');
    expect(fileName).toBe(`湖滨区-规划一张图-${compareDay}-${day}-A4纵向.png`);
    expect([png.width, png.height]).toEqual([2480, 3508]);

    // The divider: white from the map's top to its bottom, where the screen has it (mid-map, the print keeps the centre).
    const mapTop = PRINT_TITLE_BAND_PIXELS;
    const whiteColumns: number[] = [];
    for (let x = 0; x < png.width; x += 1) {
      const white = countExact(colorCounts(png, { left: x, top: mapTop, width: 1, height: png.height - mapTop }), '#ffffff');
      if (white > (png.height - mapTop) * 0.95) whiteColumns.push(x);
    }
    expect(whiteColumns.length).toBeGreaterThan(0);
    const dividerX = ((whiteColumns[0] ?? 0) + (whiteColumns.at(-1) ?? 0)) / 2;
    expect(Math.abs(dividerX - png.width / 2)).toBeLessThan(png.width * 0.01);

    // West of it 2026-03-15 (finished old neighbourhoods), east of it 2024-03-01 (all pending): the legend has both.
    const neighbourhoods = session.district.manifest.layers.find((layer) => layer.id === 'old-neighborhoods');
    const colorOf = (statusId: string) => neighbourhoods?.statuses.find((status) => status.id === statusId)?.color ?? '';
    expect(statusesOn([day], ['old-neighborhoods']).get('old-neighborhoods')).toEqual(new Set(['pending']));
    const counts = colorCounts(png);
    expect(countExact(counts, colorOf('completed'))).toBeGreaterThan(500);
    expect(countExact(counts, colorOf('pending'))).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.close();
  }, PRINT_TEST_TIMEOUT_MS);
});
