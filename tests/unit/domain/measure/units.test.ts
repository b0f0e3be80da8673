import { describe, expect, it } from 'vitest';
import {
  METERS_PER_KILOMETER,
  SQUARE_METERS_PER_HECTARE,
  SQUARE_METERS_PER_MU,
  measureInUnit,
  metersToKilometers,
  squareMetersToHectares,
  squareMetersToMu,
} from '../../../../src/domain/measure/units';
import { metricValue } from '../../../../src/domain/plan/targetMetrics';

describe('units', () => {
  it('defines 1 mu as 10000/15 = 666.666… m² and 1 ha as 10000 m²', () => {
    expect(SQUARE_METERS_PER_HECTARE).toBe(10_000);
    expect(SQUARE_METERS_PER_MU).toBeCloseTo(666.6666666667, 9);
    expect(METERS_PER_KILOMETER).toBe(1_000);
  });

  it('makes 15 mu exactly one hectare', () => {
    expect(squareMetersToMu(10_000)).toBe(15);
    expect(squareMetersToHectares(10_000)).toBe(1);
    expect(squareMetersToMu(SQUARE_METERS_PER_MU)).toBeCloseTo(1, 12);
    expect(squareMetersToMu(1_500_000)).toBe(2_250);
  });

  it('converts metres to kilometres', () => {
    expect(metersToKilometers(3_420)).toBe(3.42);
  });

  it('gives a layer measure in its unit: ha and mu from the area, km from the length', () => {
    expect(measureInUnit('ha', 123_456, 999)).toBeCloseTo(12.3456, 12);
    expect(measureInUnit('mu', 123_456, 999)).toBeCloseTo(185.184, 12);
    expect(measureInUnit('km', 123_456, 999)).toBeCloseTo(0.999, 12);
  });

  it('reads a target metric from totals', () => {
    const totals = { features: 7, areaSquareMeters: 250_000, lengthMeters: 12_500, propertySum: 41.5, eligibleFeatures: 28 };
    expect(metricValue('count', totals)).toBe(7);
    expect(metricValue('sum', totals)).toBe(41.5);
    expect(metricValue('share', totals)).toBe(25);
    expect(metricValue('share', { ...totals, features: 0, eligibleFeatures: 0 }), 'a share of nothing is 0 %, not NaN').toBe(0);
    expect(metricValue('area_ha', totals)).toBe(25);
    expect(metricValue('area_mu', totals)).toBe(375);
    expect(metricValue('length_km', totals)).toBe(12.5);
  });
});
