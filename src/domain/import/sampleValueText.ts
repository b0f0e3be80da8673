import type { Locale, StatusDefinition } from '../plan/manifest';

interface HistoryEntry {
  date: string;
  status: string;
}

function isHistoryEntry(value: unknown): value is HistoryEntry {
  return typeof value === 'object' && value !== null && 'date' in value && 'status' in value
    && typeof value.date === 'string' && typeof value.status === 'string';
}

/**
 * One attribute of an imported file's sample feature as staff read it: a status history
 * ([{date, status}, …]) as "2025-03-01 已拆除; …" in the target layer's labels (an unknown code
 * shown as is), other values as text, anything else as compact JSON.
 */
export function sampleValueText(value: unknown, statuses: readonly StatusDefinition[], locale: Locale): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length > 0 && value.every(isHistoryEntry)) {
    return value.map((entry) => {
      const label = statuses.find((status) => status.id === entry.status)?.label[locale] ?? entry.status;
      return `${entry.date} ${label}`;
    }).join('; ');
  }
  return JSON.stringify(value) ?? '';
}
