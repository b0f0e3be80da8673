import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleDistrictSession } from './support/sampleDistrictSession';
import { PNG } from 'pngjs';
import { openPlanMap } from './support/planMapPage';
import { type SampleDistrict } from './support/geodataExpectations';

const session = sampleDistrictSession();

function countExact(png: PNG, hex: string, region: { left: number; top: number; width: number; height: number }): number {
  const value = parseInt(hex.slice(1), 16);
  const [red, green, blue] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  let count = 0;
  for (let y = region.top; y < region.top + region.height; y += 1) {
    for (let x = region.left; x < region.left + region.width; x += 1) {
      const offset = (y * png.width + x) * 4;
      if (png.data[offset] === red && png.data[offset + 1] === green && png.data[offset + 2] === blue) count += 1;
    }
  }
  return count;
}

describe('exporting the view as a PNG for reports', () => {
  it('downloads the map under a title band, with a legend of exactly the statuses shown', async () => {
    const villages = session.district.manifest.layers.find((layer) => layer.id === 'urban-villages');
    const [pending, , , demolished] = villages?.statuses ?? [];
    if (!pending || !demolished) throw new Error('urban villages need their lifecycle');
    const others = session.district.manifest.layers.filter((layer) => layer.id !== 'urban-villages').map((layer) => layer.id);
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?hide=${others.join(',')}&status=urban-villages:demolished&date=2026-06-30`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-image').click()]);
    expect(download.suggestedFilename()).toBe('湖滨区-规划一张图-2026-06-30.png');
    const png = PNG.sync.read(readFileSync(await download.path()));
    const canvasSize = await page.evaluate(() => {
      const canvas = (window as unknown as { planMap: { getCanvas(): HTMLCanvasElement } }).planMap.getCanvas();
      return { width: canvas.width, height: canvas.height, ratio: canvas.width / canvas.clientWidth };
    });
    const header = Math.round(64 * canvasSize.ratio);
    expect(png.width).toBe(canvasSize.width);
    expect(png.height).toBe(canvasSize.height + header);
    expect(countExact(png, '#ffffff', { left: 0, top: 0, width: png.width, height: header })).toBeGreaterThan(png.width * header * 0.8);
    const legendBox = { left: 0, top: header, width: Math.round(220 * canvasSize.ratio), height: Math.round(120 * canvasSize.ratio) };
    expect(countExact(png, demolished.color, legendBox)).toBeGreaterThan(100);
    expect(countExact(png, pending.color, legendBox)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
