import { dayKey, type LayerColumns } from '../columns/layerColumns';

/** The code of "no status": the project was not in the plan yet on the day asked about. */
export const NO_STATUS = 0xffff;

const cache = new WeakMap<LayerColumns, Map<string, Uint16Array>>();
/** Enough for a swipe comparison and a few timeline steps back and forth. */
const DATES_KEPT_PER_LAYER = 8;

/**
 * Each feature's status code on `isoDate` (YYYY-MM-DD, inclusive), with the rules of statusAsOf:
 * the latest history entry dated on or before the day, the later one on a tie; NO_STATUS when
 * there is none yet; the current status when a feature has no history at all. Cached per day:
 * the result must not be modified.
 */
export function statusCodesAsOf(columns: LayerColumns, isoDate: string): Uint16Array {
  let byDate = cache.get(columns);
  if (!byDate) {
    byDate = new Map();
    cache.set(columns, byDate);
  }
  const cached = byDate.get(isoDate);
  if (cached) return cached;
  const day = dayKey(isoDate);
  const { featureCount, historyStart, historyDay, historyStatus, currentStatus } = columns;
  const codes = new Uint16Array(featureCount);
  for (let index = 0; index < featureCount; index++) {
    const first = historyStart[index] ?? 0;
    const end = historyStart[index + 1] ?? first;
    if (first === end) {
      codes[index] = currentStatus[index] ?? NO_STATUS;
      continue;
    }
    let code = NO_STATUS;
    let codeDay = Number.NEGATIVE_INFINITY;
    for (let entry = first; entry < end; entry++) {
      const entryDay = historyDay[entry] ?? Number.NaN;
      if (entryDay <= day && entryDay >= codeDay) {
        code = historyStatus[entry] ?? NO_STATUS;
        codeDay = entryDay;
      }
    }
    codes[index] = code;
  }
  if (byDate.size >= DATES_KEPT_PER_LAYER) {
    const oldest = byDate.keys().next().value;
    if (oldest !== undefined) byDate.delete(oldest);
  }
  byDate.set(isoDate, codes);
  return codes;
}
