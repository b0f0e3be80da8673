import type { PlanFeature } from '../plan/planFeature';
import { isCalendarDate } from '../dates/isCalendarDate';
import { utcDayNumber } from '../dates/utcDayNumber';
import type { CodeBook } from './layerColumns';

/**
 * Each feature's planned dates (`plan_dates`: status id → YYYY-MM-DD) and responsible unit
 * (`unit_in_charge`) as typed arrays, so the warnings of a timeline step or a filter click are a
 * loop over numbers, also before a server-prepared layer's features have arrived.
 */
export interface PlanDateColumns {
  /** Plan dates of feature i are start[i] .. start[i + 1] - 1. */
  start: Uint32Array;
  /** The planned day as whole UTC days since 1970-01-01; dates that are not calendar dates are left out. */
  dueDayNumber: Float64Array;
  /** The status planned for that day, as a code into the layer's statusIds. */
  status: Uint16Array;
  /** Responsible units a code stands for, in order of first appearance; '' for none. */
  unitsInCharge: string[];
  unitInChargeCode: Uint16Array;
}

/** The plan_dates of a feature's properties that can be read: valid calendar dates only (validation reports the rest). */
export function readablePlanDates(value: unknown): [statusId: string, isoDate: string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([statusId, date]): [string, string][] =>
    typeof date === 'string' && isCalendarDate(date) ? [[statusId, date]] : []);
}

export function planDateColumns(features: readonly PlanFeature[], statuses: CodeBook, units: CodeBook): PlanDateColumns {
  const featureCount = features.length;
  const perFeature = features.map((feature) => readablePlanDates(feature.properties.plan_dates));
  const total = perFeature.reduce((sum, dates) => sum + dates.length, 0);
  const start = new Uint32Array(featureCount + 1);
  const dueDayNumber = new Float64Array(total);
  const status = new Uint16Array(total);
  const unitInChargeCode = new Uint16Array(featureCount);
  let entry = 0;
  perFeature.forEach((dates, index) => {
    start[index] = entry;
    for (const [statusId, isoDate] of dates) {
      dueDayNumber[entry] = utcDayNumber(isoDate);
      status[entry] = statuses.codeOf(statusId);
      entry++;
    }
    const unit = features[index]?.properties.unit_in_charge;
    unitInChargeCode[index] = units.codeOf(typeof unit === 'string' ? unit.trim() : '');
  });
  start[featureCount] = entry;
  return { start, dueDayNumber, status, unitsInCharge: units.values, unitInChargeCode };
}
