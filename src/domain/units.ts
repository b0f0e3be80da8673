import type { MeasureUnit, TargetMetric } from './manifest';
import type { StatusTotals } from './layerStats';

export const SQUARE_METERS_PER_HECTARE = 10_000;
/** 1 亩 = 1/15 公顷 (the Chinese mu as defined since 1930). */
export const MU_PER_HECTARE = 15;
export const SQUARE_METERS_PER_MU = SQUARE_METERS_PER_HECTARE / MU_PER_HECTARE;
export const METERS_PER_KILOMETER = 1_000;

export function squareMetersToHectares(areaSquareMeters: number): number {
  return areaSquareMeters / SQUARE_METERS_PER_HECTARE;
}

/** Multiplies by 15 before dividing so that whole hectares give whole multiples of 15 mu. */
export function squareMetersToMu(areaSquareMeters: number): number {
  return (areaSquareMeters * MU_PER_HECTARE) / SQUARE_METERS_PER_HECTARE;
}

export function metersToKilometers(lengthMeters: number): number {
  return lengthMeters / METERS_PER_KILOMETER;
}

/** A layer's measure in its display unit: hectares or mu from the area, kilometres from the length. */
export function measureInUnit(unit: MeasureUnit, areaSquareMeters: number, lengthMeters: number): number {
  switch (unit) {
    case 'ha':
      return squareMetersToHectares(areaSquareMeters);
    case 'mu':
      return squareMetersToMu(areaSquareMeters);
    case 'km':
      return metersToKilometers(lengthMeters);
  }
}

/** The value of a target metric for some totals: a count, hectares, mu or kilometres. */
export function metricValue(metric: TargetMetric, totals: StatusTotals): number {
  switch (metric) {
    case 'count':
      return totals.features;
    case 'area_ha':
      return squareMetersToHectares(totals.areaSquareMeters);
    case 'area_mu':
      return squareMetersToMu(totals.areaSquareMeters);
    case 'length_km':
      return metersToKilometers(totals.lengthMeters);
  }
}
