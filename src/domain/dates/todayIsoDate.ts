/** The calendar day of `now` in the local time zone (the user's day, not UTC's), as YYYY-MM-DD. */
export function todayIsoDate(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
