/**
 * An ISO 8601 instant as "YYYY-MM-DD HH:mm:ss" in a time zone (the viewer's own when omitted):
 * servers record UTC, people read their wall clock. The layout is the same in both languages,
 * like every date the app shows. Text that is not a date is returned as it is.
 */
export function formatLocalDateTime(iso: string, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
