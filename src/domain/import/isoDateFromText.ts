import { isCalendarDate } from '../dates/isCalendarDate';

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/,
  /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];

/**
 * A date as surveyors and spreadsheets write it (2025-3-1, 2025/03/01, 2025.3.1, 20250301,
 * 2025年3月1日, an ISO timestamp) as YYYY-MM-DD; undefined when it is no real calendar date.
 */
export function isoDateFromText(text: string): string | undefined {
  const trimmed = text.trim();
  for (const form of DATE_FORMS) {
    const match = form.exec(trimmed);
    if (!match) continue;
    const iso = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
    return isCalendarDate(iso) ? iso : undefined;
  }
  return undefined;
}
