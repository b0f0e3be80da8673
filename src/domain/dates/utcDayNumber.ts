const MILLISECONDS_PER_DAY = 86_400_000;

/** Whole UTC days since 1970-01-01 for a YYYY-MM-DD date (a time part is ignored); NaN when it is not one. */
export function utcDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MILLISECONDS_PER_DAY;
}
