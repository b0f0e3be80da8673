const MILLISECONDS_PER_DAY = 86_400_000;

/** The YYYY-MM-DD date of a whole number of UTC days since 1970-01-01 (inverse of utcDayNumber). */
export function isoDateFromDayNumber(dayNumber: number): string {
  return new Date(Math.round(dayNumber) * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}
