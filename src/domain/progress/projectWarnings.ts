import type { MeasuredLayer } from '../measure/measuredLayer';
import { utcDayNumber } from '../dates/utcDayNumber';
import { isoDateFromDayNumber } from '../dates/isoDateFromDayNumber';
import { NO_STATUS, statusCodesAsOf } from './statusCodesAsOf';

/** Projects due within this many days of the date shown are listed as due soon (监测预警). */
export const DUE_SOON_DAYS = 30;

export type WarningKind = 'overdue' | 'dueSoon';

/** One late or nearly late project of a layer. */
export interface ProjectWarning {
  layerId: string;
  featureIndex: number;
  featureId: string;
  kind: WarningKind;
  /** The status its plan_dates planned for `due`, which it has not reached. */
  status: string;
  /** YYYY-MM-DD: the planned date missed (overdue) or coming (due soon). */
  due: string;
  /** Whole UTC days from `due` to the date shown: positive when overdue, negative (days left) when due soon. */
  daysLate: number;
  /** Its status on the date shown; null when it was not in the plan yet. */
  currentStatus: string | null;
  /** Its sub-district ('' for none). */
  street: string;
  /** Its responsible unit ('' for none). */
  unitInCharge: string;
}

export interface ProjectWarningsOptions {
  /** Status codes on the date (statusCodesAsOf); computed when absent. */
  codes?: Uint16Array;
  dueSoonDays?: number;
}

/**
 * The projects of a layer that are late on `asOfDate` (YYYY-MM-DD): for each project, the
 * earliest of its plan_dates whose status it has not reached by then. Due on or before the date:
 * overdue; within `dueSoonDays` after it: due soon. A status is reached when the project's status
 * on the date is it or a later one of the layer's lifecycle (layer.statuses order). Only the plan
 * dates a project carries count, so on a branching lifecycle (demolish or renovate) a project
 * plans only the statuses of its own branch; a project in a done status is finished and never
 * late. Most overdue first, then soonest due, then by id.
 */
export function projectWarnings(layer: MeasuredLayer, asOfDate: string, options: ProjectWarningsOptions = {}): ProjectWarning[] {
  const { columns, definition } = layer;
  const { planDates, statusIds, streets, streetCode } = columns;
  if (planDates.dueDayNumber.length === 0) return [];
  const codes = options.codes ?? statusCodesAsOf(columns, asOfDate);
  const today = utcDayNumber(asOfDate);
  const horizon = today + (options.dueSoonDays ?? DUE_SOON_DAYS);
  const lifecycleRank = new Map(definition.statuses.map((status, rank) => [status.id, rank]));
  // Statuses only the data knows have no place in the lifecycle: they reach nothing and are never planned.
  const rankOfCode = Int32Array.from(statusIds, (statusId) => lifecycleRank.get(statusId) ?? -1);
  const doneCodes = new Set(definition.doneStatuses.map((statusId) => statusIds.indexOf(statusId)));
  const warnings: ProjectWarning[] = [];
  for (let index = 0; index < layer.featureCount; index++) {
    const first = planDates.start[index] ?? 0;
    const end = planDates.start[index + 1] ?? first;
    if (first === end) continue;
    const code = codes[index] ?? NO_STATUS;
    if (code !== NO_STATUS && doneCodes.has(code)) continue;
    const reachedRank = code === NO_STATUS ? -1 : (rankOfCode[code] ?? -1);
    let dueEntry = -1;
    for (let entry = first; entry < end; entry++) {
      const plannedRank = rankOfCode[planDates.status[entry] ?? 0] ?? -1;
      if (plannedRank < 0 || plannedRank <= reachedRank) continue;
      if (dueEntry < 0 || (planDates.dueDayNumber[entry] ?? Infinity) < (planDates.dueDayNumber[dueEntry] ?? Infinity)) dueEntry = entry;
    }
    if (dueEntry < 0) continue;
    const dueDay = planDates.dueDayNumber[dueEntry] ?? Number.NaN;
    if (!(dueDay <= horizon)) continue;
    warnings.push({
      layerId: definition.id,
      featureIndex: index,
      featureId: layer.idAt(index) ?? String(index),
      kind: dueDay <= today ? 'overdue' : 'dueSoon',
      status: statusIds[planDates.status[dueEntry] ?? 0] ?? '',
      due: isoDateFromDayNumber(dueDay),
      daysLate: today - dueDay,
      currentStatus: code === NO_STATUS ? null : (statusIds[code] ?? null),
      street: streets[streetCode[index] ?? 0] ?? '',
      unitInCharge: planDates.unitsInCharge[planDates.unitInChargeCode[index] ?? 0] ?? '',
    });
  }
  return warnings.sort((left, right) => right.daysLate - left.daysLate || (left.featureId < right.featureId ? -1 : left.featureId > right.featureId ? 1 : 0));
}

/** 1 for each project of the layer with a warning: the "only late projects" filter (a loop over numbers per filter click). */
export function warningMask(featureCount: number, warnings: readonly ProjectWarning[]): Uint8Array {
  const mask = new Uint8Array(featureCount);
  for (const warning of warnings) mask[warning.featureIndex] = 1;
  return mask;
}

/** Warnings grouped by sub-district, in the order of their first (most overdue) warning. */
export function warningsByStreet(warnings: readonly ProjectWarning[]): { street: string; warnings: ProjectWarning[] }[] {
  const groups = new Map<string, ProjectWarning[]>();
  for (const warning of warnings) {
    const group = groups.get(warning.street);
    if (group) group.push(warning);
    else groups.set(warning.street, [warning]);
  }
  return [...groups].map(([street, grouped]) => ({ street, warnings: grouped }));
}
