import type { Browser, Page } from 'playwright-core';

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen since the page opened. */
  errors: string[];
  /** Console warnings seen since the page opened (MapLibre reports a camera that cannot fit as one). */
  warnings: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Freezes the page's clock (Date only; timers still run), so "today" and snapshots are stable. */
  fixedTime?: Date;
  /** A page that keeps animating (a kiosk tour) never settles: skip waiting for the map to idle. */
  waitForIdle?: boolean;
  /** Runs the page's CPU this many times slower, as on a modest kiosk PC (Chromium's DevTools throttling). */
  cpuSlowdown?: number;
}

export async function openPlanMap(browser: Browser, url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1366, height: 768 } });
  if (options.fixedTime) await page.clock.setFixedTime(options.fixedTime);
  if (options.cpuSlowdown) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  if (options.waitForIdle !== false) await waitForMapIdle(page);
  return { page, errors, warnings };
}

/**
 * Waits until MapLibre has loaded its style and sources and drawn a settled frame, deck.gl layers
 * included: the basemap can be idle before the load worker has delivered the layers, so the
 * first full render (every layer handed over and drawn) comes first.
 */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.locator('.map[data-first-full-render]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForFunction(() => {
    const map = (window as unknown as { planMap?: { loaded(): boolean; isMoving(): boolean } }).planMap;
    return map !== undefined && map.loaded() && !map.isMoving();
  }, undefined, { timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { planMap: { once(type: string, listener: () => void): void; triggerRepaint(): void } }).planMap;
    map.once('idle', () => resolve());
    map.triggerRepaint();
  }));
}

/** Which part of the canvas to count, as fractions of its width. */
export interface CanvasSlice {
  fromFraction: number;
  toFraction: number;
}

/** A rectangle of the page in CSS pixels. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Counts canvas pixels within `tolerance` (RGB distance) of one of the colours, optionally only inside `box`. */
export function countPixelsNear(
  page: Page,
  colors: [number, number, number][],
  tolerance = 24,
  slice: CanvasSlice = { fromFraction: 0, toFraction: 1 },
  box?: PageBox,
): Promise<number> {
  return page.evaluate(({ colors: targets, tolerance: maxDistance, slice: columns, box: area }) => {
    const map = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement } }).planMap;
    const source = map.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return 0;
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    const squared = maxDistance * maxDistance;
    const fromColumn = Math.floor(columns.fromFraction * canvas.width);
    const toColumn = Math.floor(columns.toFraction * canvas.width);
    const rect = source.getBoundingClientRect();
    const scale = canvas.width / rect.width;
    const inBox = (column: number, row: number) => !area || (
      column >= Math.round((area.x - rect.left) * scale) && column < Math.round((area.x + area.width - rect.left) * scale)
      && row >= Math.round((area.y - rect.top) * scale) && row < Math.round((area.y + area.height - rect.top) * scale));
    for (let offset = 0; offset < data.length; offset += 4) {
      const column = (offset / 4) % canvas.width;
      if (column < fromColumn || column >= toColumn || !inBox(column, Math.floor(offset / 4 / canvas.width))) continue;
      const red = data[offset] ?? 0;
      const green = data[offset + 1] ?? 0;
      const blue = data[offset + 2] ?? 0;
      for (const [targetRed, targetGreen, targetBlue] of targets) {
        const distance = (red - targetRed) ** 2 + (green - targetGreen) ** 2 + (blue - targetBlue) ** 2;
        if (distance <= squared) { count += 1; break; }
      }
    }
    return count;
  }, { colors, tolerance, slice, box });
}

/** Screen position of a lon/lat in the page, through the live map's projection. */
export async function screenPointOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((position) => {
    const map = (window as unknown as { planMap: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).planMap;
    const point = map.project(position);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lngLat);
}
