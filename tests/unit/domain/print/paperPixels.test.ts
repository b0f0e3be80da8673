import { describe, expect, it } from 'vitest';
import { paperPixels } from '../../../../src/domain/print/paperPixels';
import { printMapFrame } from '../../../../src/domain/print/printMapFrame';
import { coverPlacement } from '../../../../src/domain/print/coverPlacement';

describe('print sizes', () => {
  it('gives ISO 216 sheets at 300 dpi: A4 3508 × 2480, A3 4961 × 3508, turned for portrait', () => {
    expect(paperPixels('a4-landscape')).toEqual({ width: 3508, height: 2480 });
    expect(paperPixels('a4-portrait')).toEqual({ width: 2480, height: 3508 });
    expect(paperPixels('a3-landscape')).toEqual({ width: 4961, height: 3508 });
    expect(paperPixels('a3-portrait')).toEqual({ width: 3508, height: 4961 });
    expect(paperPixels('a4-landscape', 150)).toEqual({ width: 1754, height: 1240 });
  });
});

describe('the frame a print draws the map in', () => {
  it('keeps all the screen shows, widened or heightened to the sheet, with more pixels per CSS pixel', () => {
    const tall = printMapFrame({ cssWidth: 751, cssHeight: 712 }, { width: 3508, height: 2280 });
    expect(tall.cssHeight).toBeGreaterThanOrEqual(712);
    expect(tall.cssWidth).toBeGreaterThanOrEqual(751);
    expect(tall.cssWidth * tall.pixelRatio).toBeGreaterThanOrEqual(3508);
    expect(tall.cssHeight * tall.pixelRatio).toBeGreaterThanOrEqual(2280);
    expect(tall.cssWidth * tall.pixelRatio).toBeLessThan(3508 + tall.pixelRatio);
    const portrait = printMapFrame({ cssWidth: 1100, cssHeight: 1024 }, { width: 2480, height: 3308 });
    expect(portrait.cssWidth).toBe(1100);
    expect(portrait.cssHeight).toBe(Math.ceil((1100 * 3308) / 2480));
    expect(portrait.pixelRatio).toBeCloseTo(2480 / 1100, 12);
  });
});

describe('placing a drawn map on the sheet', () => {
  it('crops a map that has the pixels, centred and pixel for pixel', () => {
    expect(coverPlacement({ width: 3510, height: 2284 }, { width: 3508, height: 2280 })).toEqual({ sourceX: 1, sourceY: 2, sourceWidth: 3508, sourceHeight: 2280, scale: 1 });
  });

  it('enlarges a map the GPU drew smaller just enough to cover the sheet, never distorting it', () => {
    const placement = coverPlacement({ width: 4096, height: 2900 }, { width: 4961, height: 3308 });
    expect(placement.scale).toBeCloseTo(4961 / 4096, 12);
    expect(placement.sourceWidth * placement.scale).toBeCloseTo(4961, 9);
    expect(placement.sourceHeight * placement.scale).toBeCloseTo(3308, 9);
    expect(placement.sourceY).toBeGreaterThanOrEqual(0);
  });
});
