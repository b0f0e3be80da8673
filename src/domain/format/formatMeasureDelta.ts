import type { Locale, MeasureUnit } from '../plan/manifest';
import { formatNumber, unitLabel } from './formatMeasure';
import { measureInUnit } from '../measure/units';

/**
 * A signed change in a layer's display unit: "+0.12 公顷", "−3.5 亩", "+1.2 km". A change that
 * rounds to zero is shown as "0" without a sign, so a save that moved nothing never reads "−0".
 */
export function formatMeasureDelta(unit: MeasureUnit | undefined, areaDeltaSquareMeters: number, lengthDeltaMeters: number, locale: Locale): string {
  // A point layer has no measure beside its count.
  if (unit === undefined) return '';
  const value = measureInUnit(unit, areaDeltaSquareMeters, lengthDeltaMeters);
  const magnitude = formatNumber(Math.abs(value), 2, locale);
  const sign = magnitude === '0' ? '' : value > 0 ? '+' : '−';
  return `${sign}${magnitude} ${unitLabel(unit, locale)}`;
}
