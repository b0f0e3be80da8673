import type { Locale } from '../plan/manifest';
import { unitLabel } from './formatMeasure';
import { squareMetersToHectares, squareMetersToMu } from '../measure/units';

const INTL_LOCALES: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };

/** Four significant digits: 0.01 ha on a 10-hectare parcel, as a surveyor's figures are read. */
const SIGNIFICANT_DIGITS = 4;

function integerDigits(value: number): number {
  return Math.abs(value) < 1 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
}

/**
 * One area in hectares and in mu, written to the same number of significant digits (trailing
 * zeros kept), so the two never seem to disagree in precision: "9.899 公顷" beside "148.5 亩", not
 * "9.9 公顷" beside "148.48 亩". Large areas keep every whole unit ("12,345 亩", "823.00 公顷").
 */
export function formatAreaPair(areaSquareMeters: number, firstUnit: 'ha' | 'mu', locale: Locale): [string, string] {
  const hectares = squareMetersToHectares(areaSquareMeters);
  const mu = squareMetersToMu(areaSquareMeters);
  const digits = Math.max(SIGNIFICANT_DIGITS, integerDigits(mu), integerDigits(hectares));
  const format = new Intl.NumberFormat(INTL_LOCALES[locale], { minimumSignificantDigits: digits, maximumSignificantDigits: digits });
  const text = (value: number, unit: 'ha' | 'mu') => `${format.format(value === 0 ? 0 : value)} ${unitLabel(unit, locale)}`;
  return firstUnit === 'mu' ? [text(mu, 'mu'), text(hectares, 'ha')] : [text(hectares, 'ha'), text(mu, 'mu')];
}
