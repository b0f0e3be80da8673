import { describe, expect, it } from 'vitest';
import { formatCount, formatLayerMeasure, formatMeasure, formatMetric, formatNumber, formatPercent, metricUnitText } from '../../../../src/domain/format/formatMeasure';
import type { TargetMetric } from '../../../../src/domain/plan/manifest';

describe('formatMeasure', () => {
  it('shows hectares, mu and kilometres with up to two decimals, in Chinese and English', () => {
    expect(formatMeasure(12.3456, 'ha', 'zh')).toBe('12.35 公顷');
    expect(formatMeasure(12.3456, 'ha', 'en')).toBe('12.35 ha');
    expect(formatMeasure(1234.5, 'mu', 'zh')).toBe('1,234.5 亩');
    expect(formatMeasure(1234.5, 'mu', 'en')).toBe('1,234.5 mu');
    expect(formatMeasure(3.4219, 'km', 'zh')).toBe('3.42 公里');
    expect(formatMeasure(3.4219, 'km', 'en')).toBe('3.42 km');
  });

  it('converts metres into the layer unit before rounding', () => {
    expect(formatLayerMeasure('ha', 123_456, 0, 'zh')).toBe('12.35 公顷');
    expect(formatLayerMeasure('mu', 10_000, 0, 'en')).toBe('15 mu');
    expect(formatLayerMeasure('km', 0, 3_420, 'en')).toBe('3.42 km');
  });

  it('shows counts as integers and metrics in their unit', () => {
    expect(formatCount(1234, 'zh')).toBe('1,234');
    expect(formatMetric({ metric: 'count' }, 18, 'en')).toBe('18');
    expect(formatMetric({ metric: 'area_mu' }, 1500, 'zh')).toBe('1,500 亩');
    expect(formatMetric({ metric: 'length_km' }, 29.996, 'en')).toBe('30 km');
    expect(formatMetric({ metric: 'share' }, 66.666, 'zh')).toBe('66.7%');
    expect(formatMetric({ metric: 'sum', unit: { zh: '亿元', en: '100M CNY' } }, 1234.567, 'zh')).toBe('1,234.57 亿元');
    expect(formatMetric({ metric: 'sum', unit: { zh: '亿元', en: '100M CNY' } }, 12.5, 'en')).toBe('12.5 100M CNY');
    expect(['count', 'area_ha', 'length_km', 'share'].map((metric) => metricUnitText({ metric: metric as TargetMetric }, 'zh'))).toEqual(['', '公顷', '公里', '%']);
    expect(metricUnitText({ metric: 'sum', unit: { zh: '万个', en: '10k seats' } }, 'en')).toBe('10k seats');
  });

  it('formats numbers and percentages without a negative zero', () => {
    expect(formatNumber(-0, 2, 'en')).toBe('0');
    expect(formatPercent(27.777, 'zh')).toBe('27.8%');
  });
});
