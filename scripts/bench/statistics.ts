/**
 * The few statistics the benchmark reports. Absolute times on a software-GL machine are noise;
 * the result is the ratio ours / baseline of repetitions run A B A B, with its spread.
 */

export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((left, right) => left - right);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? (finite[middle] as number) : ((finite[middle - 1] as number) + (finite[middle] as number)) / 2;
}

export interface RatioSummary {
  /** median(ours) / median(baseline). */
  median: number;
  /** Smallest and largest ours[i] / baseline[i] over the interleaved pairs. */
  min: number;
  max: number;
  pairs: number;
}

/**
 * Ratio of medians, and the spread of per-pair ratios: pair i is the i-th repetition of each
 * contender, run back to back, so a slow moment of the machine hits both sides of a pair.
 */
export function ratioSummary(ours: readonly number[], baseline: readonly number[]): RatioSummary {
  const pairRatios: number[] = [];
  for (let index = 0; index < Math.min(ours.length, baseline.length); index++) {
    const numerator = ours[index] ?? Number.NaN;
    const denominator = baseline[index] ?? Number.NaN;
    if (Number.isFinite(numerator) && Number.isFinite(denominator) && denominator !== 0) pairRatios.push(numerator / denominator);
  }
  const baselineMedian = median(baseline);
  return {
    median: baselineMedian === 0 ? Number.NaN : median(ours) / baselineMedian,
    min: pairRatios.length > 0 ? Math.min(...pairRatios) : Number.NaN,
    max: pairRatios.length > 0 ? Math.max(...pairRatios) : Number.NaN,
    pairs: pairRatios.length,
  };
}

/** Sum of the parts of [start, end) intervals that fall inside [windowStart, windowEnd). */
export function overlapSum(intervals: readonly { start: number; end: number }[], windowStart: number, windowEnd: number): number {
  let total = 0;
  for (const { start, end } of intervals) {
    const overlap = Math.min(end, windowEnd) - Math.max(start, windowStart);
    if (overlap > 0) total += overlap;
  }
  return total;
}
