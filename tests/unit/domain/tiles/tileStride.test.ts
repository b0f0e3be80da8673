import { expect, it } from 'vitest';
import { tileStride } from '../../../../src/domain/tiles/tileStride';

// The sample district's box, about 15 × 14 km at 25° N.
const DISTRICT: [number, number, number, number] = [102.619, 24.932, 102.771, 25.057];

it('takes every project where a tile of mean density fits half the budget', () => {
  expect(tileStride({ featureCount: 1_000_000, bounds: DISTRICT }, 16, 8000)).toBe(1);
  expect(tileStride({ featureCount: 3000, bounds: DISTRICT }, 5, 8000)).toBe(1);
  expect(tileStride({ featureCount: 0, bounds: null }, 3, 8000)).toBe(1);
});

it('thins zooms out in proportion to the projects a tile would cover', () => {
  // At z10 one tile covers the whole district: every project of the layer.
  expect(tileStride({ featureCount: 1_000_000, bounds: DISTRICT }, 10, 8000)).toBe(250);
  expect(tileStride({ featureCount: 1_000_000, bounds: DISTRICT }, 3, 8000)).toBe(250);
  // A z14 tile spans 0.0220° × 0.0199° here: 2.3 % of the district's box, some 23,000 of a million parcels.
  expect(tileStride({ featureCount: 1_000_000, bounds: DISTRICT }, 14, 8000)).toBe(6);
  expect(tileStride({ featureCount: 5_000_000, bounds: DISTRICT }, 14, 8000)).toBe(29);
});

it('treats a single point as a tiny box, not a division by zero', () => {
  expect(tileStride({ featureCount: 1, bounds: [102.7, 25, 102.7, 25] }, 22, 8000)).toBe(1);
});
