import { describe, expect, it } from 'vitest';
import { metersPerPixel, printScaleDenominator, roundScaleLengthMeters } from '../../../../src/domain/measure/mapScale';

describe('scale bar of an exported map', () => {
  it('gives Web Mercator ground resolution: about 78 km per pixel at zoom 0 on the equator', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metersPerPixel(0, 1)).toBeCloseTo(78271.517 / 2, 2);
  });

  it('shrinks with the cosine of latitude (25°N: ×0.906)', () => {
    expect(metersPerPixel(25, 14) / metersPerPixel(0, 14)).toBeCloseTo(Math.cos((25 * Math.PI) / 180), 12);
  });

  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect([0.9, 1, 1.9, 2, 4.99, 5, 9.9, 180, 740, 2600].map(roundScaleLengthMeters)).toEqual([0.5, 1, 1, 2, 2, 5, 5, 100, 500, 2000]);
    expect(roundScaleLengthMeters(0)).toBe(0);
  });
});

describe('the scale of a printed map', () => {
  it('is 1 : ground metres per printed pixel over the pixel\'s size on paper, to three significant digits', () => {
    // 2.1 m per pixel at 300 dpi: a pixel is 0.0847 mm, so 1 : 24 803 → 1 : 24 800.
    expect(printScaleDenominator(2.1, 300)).toBe(24_800);
    expect(printScaleDenominator(0.5, 96)).toBe(1890);
    expect(printScaleDenominator(0, 300)).toBe(0);
  });
});
