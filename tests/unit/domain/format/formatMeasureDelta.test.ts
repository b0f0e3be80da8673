import { describe, expect, it } from 'vitest';
import { formatMeasureDelta } from '../../../../src/domain/format/formatMeasureDelta';

describe('formatMeasureDelta', () => {
  it('signs a change in the layer unit, in Chinese and English', () => {
    expect(formatMeasureDelta('ha', 1_234.5, 0, 'zh')).toBe('+0.12 公顷');
    expect(formatMeasureDelta('mu', -10_000, 0, 'en')).toBe('−15 mu');
    expect(formatMeasureDelta('km', 0, 2_500, 'en')).toBe('+2.5 km');
    expect(formatMeasureDelta('km', 99_999, -420, 'zh')).toBe('−0.42 公里');
  });

  it('shows a change that rounds to nothing as 0, without a sign', () => {
    expect(formatMeasureDelta('ha', 0, 0, 'zh')).toBe('0 公顷');
    expect(formatMeasureDelta('ha', -0.4, 0, 'en')).toBe('0 ha');
    expect(formatMeasureDelta('ha', 0.4, 0, 'en')).toBe('0 ha');
  });
});
