import type { Locale, LocalizedText, MeasureUnit, TargetMetric } from '../plan/manifest';
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

/** An area or length in metres shown in a layer's unit; '' for a point layer, whose measure is its count. */
export function formatLayerMeasure(unit: MeasureUnit | undefined, areaSquareMeters: number, lengthMeters: number, locale: Locale): string {
  if (unit === undefined) return '';
  return formatMeasure(measureInUnit(unit, areaSquareMeters, lengthMeters), unit, locale);
}

/** A whole number of features, without a measure word (Chinese ones differ per layer). */
export function formatCount(count: number, locale: Locale): string {
  return formatNumber(Math.round(count), 0, locale);
}

/** What formatMetric needs of a target or its progress: the metric, and a sum target's own unit. */
export interface MetricUnitOf {
  metric: TargetMetric;
  unit?: LocalizedText | undefined;
}

/** A target metric value (see metricValue): counts whole, percentages with one decimal, the others with 2 decimals in their unit. */
export function formatMetric(target: MetricUnitOf, value: number, locale: Locale): string {
  const { unit } = TARGET_METRICS[target.metric];
  switch (unit) {
    case 'count':
      return formatCount(value, locale);
    case 'percent':
      return formatPercent(value, locale);
    case 'property':
      return target.unit ? `${formatNumber(value, 2, locale)} ${target.unit[locale]}` : formatNumber(value, 2, locale);
    default:
      return formatMeasure(value, unit, locale);
  }
}

/** The words a target's values are written in: 公顷, km, %, a sum's own unit (亿元); '' for a count. */
export function metricUnitText(target: MetricUnitOf, locale: Locale): string {
  const { unit } = TARGET_METRICS[target.metric];
  switch (unit) {
    case 'count':
      return '';
    case 'percent':
      return '%';
    case 'property':
      return target.unit?.[locale] ?? '';
    default:
      return unitLabel(unit, locale);
  }
}

/** "45.3%": one decimal. */
export function formatPercent(percent: number, locale: Locale): string {
  return `${formatNumber(percent, 1, locale)}%`;
}
