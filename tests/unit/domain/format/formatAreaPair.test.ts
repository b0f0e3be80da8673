import { describe, expect, it } from 'vitest';
import { formatAreaPair } from '../../../../src/domain/format/formatAreaPair';

describe('formatAreaPair: hectares and mu of one area, to the same precision', () => {
  it('writes both to four significant digits, trailing zeros kept', () => {
    // 148.48 mu = 9.8987 ha: the card once said "9.9 公顷" beside "148.48 亩".
    expect(formatAreaPair(98_987, 'ha', 'zh')).toEqual(['9.899 公顷', '148.5 亩']);
    expect(formatAreaPair(98_987, 'mu', 'en')).toEqual(['148.5 mu', '9.899 ha']);
    expect(formatAreaPair(99_000, 'ha', 'zh')).toEqual(['9.900 公顷', '148.5 亩']);
  });

  it('keeps every whole unit of a large area and groups its digits', () => {
    expect(formatAreaPair(8_230_000, 'mu', 'zh')).toEqual(['12,345 亩', '823.00 公顷']);
  });

  it('writes small areas and nothing at all plainly', () => {
    expect(formatAreaPair(66.6667, 'mu', 'en')).toEqual(['0.1000 mu', '0.006667 ha']);
    expect(formatAreaPair(0, 'ha', 'zh')).toEqual(['0.000 公顷', '0.000 亩']);
  });
});
