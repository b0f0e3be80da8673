import { describe, expect, it } from 'vitest';
import { median, overlapSum, ratioSummary } from '../../../scripts/bench/statistics';
import { mergeIntervals } from '../../../scripts/bench/traceAnalysis';

describe('benchmark statistics', () => {
  it('takes the median of odd and even counts, ignoring non-finite values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5, 1])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('reports the ratio of medians and the spread of per-pair ratios', () => {
    const summary = ratioSummary([1, 2, 3], [2, 2, 6]);
    expect(summary.median).toBeCloseTo(2 / 2);
    expect(summary.min).toBeCloseTo(0.5);
    expect(summary.max).toBeCloseTo(1);
    expect(summary.pairs).toBe(3);
  });

  it('skips pairs with a missing or zero side', () => {
    const summary = ratioSummary([1, Number.NaN, 3], [2, 4, 0]);
    expect(summary.pairs).toBe(1);
    expect(summary.min).toBeCloseTo(0.5);
  });

  it('sums only the parts of intervals inside the window', () => {
    expect(overlapSum([{ start: 0, end: 10 }, { start: 15, end: 30 }, { start: 40, end: 50 }], 5, 20)).toBe(10);
  });

  it('merges nested and overlapping intervals so that nothing counts twice', () => {
    expect(mergeIntervals([{ start: 5, end: 6 }, { start: 0, end: 10 }, { start: 9, end: 12 }, { start: 20, end: 21 }]))
      .toEqual([{ start: 0, end: 12 }, { start: 20, end: 21 }]);
  });
});
