import type { Locale, MeasureUnit, TargetMetric } from '../plan/manifest';
import { measureInUnit } from '../measure/units';
import { TARGET_METRICS } from '../plan/targetMetrics';

const UNIT_LABELS: Record<MeasureUnit, Record<Locale, string>> = {
  ha: { zh: '公顷', en: 'ha' },
  mu: { zh: '亩', en: 'mu' },
  km: { zh: '公里', en: 'km' },
};

const INTL_LOCALES: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' };

const formatters = new Map<string, Intl.NumberFormat>();

/** Grouped digits with at most `maximumFractionDigits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, maximumFractionDigits: number, locale: Locale): string {
  const key = `${locale}:${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits, minimumFractionDigits: 0 });
    formatters.set(key, formatter);
  }
  return formatter.format(value === 0 ? 0 : value);
}

export function unitLabel(unit: MeasureUnit, locale: Locale): string {
  return UNIT_LABELS[unit][locale];
}

/** A value already in `unit`, e.g. "12.35 公顷", "1,234.5 mu", "3.42 km". */
export function formatMeasure(value: number, unit: MeasureUnit, locale: Locale): string {
  return `${formatNumber(value, 2, locale)} ${unitLabel(unit, locale)}`;
}

/** An area or length in metres shown in a layer's unit. */
export function formatLayerMeasure(unit: MeasureUnit, areaSquareMeters: number, lengthMeters: number, locale: Locale): string {
  return formatMeasure(measureInUnit(unit, areaSquareMeters, lengthMeters), unit, locale);
}

/** A whole number of features, without a measure word (Chinese ones differ per layer). */
export function formatCount(count: number, locale: Locale): string {
  return formatNumber(Math.round(count), 0, locale);
}

/** A target metric value (see metricValue): counts whole, the others with 2 decimals in their unit. */
export function formatMetric(metric: TargetMetric, value: number, locale: Locale): string {
  const { unit } = TARGET_METRICS[metric];
  return unit === null ? formatCount(value, locale) : formatMeasure(value, unit, locale);
}

/** "45.3%": one decimal. */
export function formatPercent(percent: number, locale: Locale): string {
  return `${formatNumber(percent, 1, locale)}%`;
}
