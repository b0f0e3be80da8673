import { isCalendarDate } from '../dates/isCalendarDate';
import { quoteValue, quoteValueZh } from '../validation/safeText';
import type { LocalizedText } from './localizedText';
import { isRecord } from '../isRecord';

/** A problem of one feature's plan_dates: the JSON-pointer suffix under the feature, its code and words. */
export interface PlanDateProblem {
  path: string;
  code: 'UNKNOWN_STATUS' | 'INVALID_DATE';
  message: LocalizedText;
}

/** JSON Pointer escaping (RFC 6901) of a key: a status id with "/" or "~" still points at its entry. */
function pointerKey(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * What is wrong with a feature's `plan_dates` (status id → YYYY-MM-DD) that its schema cannot say:
 * a key that is not a status of the layer's lifecycle (named with the statuses there are, so the
 * fix is to rename the key), and a date that is not a real calendar day (2026-02-30).
 */
export function planDateProblems(planDates: unknown, statusIds: readonly string[] | undefined): PlanDateProblem[] {
  if (!isRecord(planDates)) return [];
  const lifecycle = statusIds ? new Set(statusIds) : undefined;
  const allowed = (statusIds ?? []).join(', ');
  const problems: PlanDateProblem[] = [];
  for (const [statusId, date] of Object.entries(planDates)) {
    const path = `/properties/plan_dates/${pointerKey(statusId)}`;
    if (lifecycle && !lifecycle.has(statusId))
      problems.push({
        path,
        code: 'UNKNOWN_STATUS',
        message: {
          zh: `计划日期 plan_dates 的键 ${quoteValueZh(statusId)} 不是本图层的状态：请改为状态流程中的状态 id（${allowed}）`,
          en: `plan_dates key ${quoteValue(statusId)} is not a status of this layer: use a status id of its lifecycle (${allowed})`,
        },
      });
    if (typeof date === 'string' && !isCalendarDate(date))
      problems.push({
        path,
        code: 'INVALID_DATE',
        message: {
          zh: `计划日期 plan_dates 中 ${quoteValueZh(statusId)} 的 ${quoteValueZh(date)} 不是有效日期：请写成 YYYY-MM-DD，如 2026-06-30`,
          en: `plan_dates date ${quoteValue(date)} of ${quoteValue(statusId)} is not a valid date: write it as YYYY-MM-DD, e.g. 2026-06-30`,
        },
      });
  }
  return problems;
}
