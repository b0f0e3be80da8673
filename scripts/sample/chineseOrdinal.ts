/** 一, 二, … 九十九: ordinals as they appear in Chinese project names (一期, 三段). */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** Counts names per prefix, so repeated places get 一段, 二段… */
export class NameCounter {
  private readonly counts = new Map<string, number>();

  next(prefix: string): number {
    const n = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, n);
    return n;
  }
}
