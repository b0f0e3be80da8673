/**
 * `value` rounded half up to `decimals` places. Dividing the rounded integer by the power of ten
 * gives the double nearest to that decimal, so JSON.stringify writes at most `decimals` places.
 * Negative zero becomes 0, so the same data always gives the same text.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
