import type { PlanTarget } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { metricValue, type TargetTotals } from '../plan/targetMetrics';
import { featureSelection, type FeatureSelectionOptions } from '../browse/featureSelection';
import { dayKey } from '../columns/layerColumns';
import { NO_STATUS } from './statusCodesAsOf';
import { elapsedFraction, propertyNumbers, whereMask } from './targetProgress';

/** A target's actual (in its metric's unit) from `date` on, until the next step's date. */
export interface SeriesStep {
  /** YYYY-MM-DD. */
  date: string;
  actual: number;
}

/** A target's cumulative figure over the plan period, beside its steady pace and its level. */
export interface TargetSeries {
  targetId: string;
  /** YYYY-MM-DD: the first step's date, where the pace starts from zero. */
  planStart: string;
  /** YYYY-MM-DD: the later of today and the last history date; the last step holds until then. */
  endDate: string;
  /** YYYY-MM-DD: where the pace reaches the target. */
  deadline: string;
  target: number;
  /** In date order: one at planStart, then one on each day the actual changes. */
  steps: SeriesStep[];
}

export interface TargetSeriesContext extends Pick<FeatureSelectionOptions, 'mask' | 'include'> {
  /** YYYY-MM-DD: the start of the plan period. */
  planStart: string;
  /** YYYY-MM-DD: the series runs at least to this day. */
  today: string;
}

/** yyyymmdd as YYYY-MM-DD. */
export function isoDateOfDayKey(key: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(Math.floor(key / 10_000), 4)}-${pad(Math.floor(key / 100) % 100, 2)}-${pad(key % 100, 2)}`;
}

/**
 * The target's actual on every day its features' histories change it, with targetProgress's rules
 * (statusCodesAsOf: the latest entry on or before the day, the later one in data order on a tie;
 * a feature without history always has its current status), from planStart to the later of today
 * and the last history date. One pass over the history entries sorted by day: each entry moves
 * one feature's contribution, so a layer of 50 000 features with years of history stays instant,
 * where targetProgress on every day would not. Sums move by adding and subtracting, so areas may
 * differ from targetProgress's sum in the last bits (relative 1e-12), never in what is shown.
 */
export function targetSeries(target: PlanTarget, layer: MeasuredLayer, context: TargetSeriesContext): TargetSeries {
  const { columns, featureCount } = layer;
  const { mask } = featureSelection(layer, { mask: context.mask, include: context.include });
  const matches = target.where ? whereMask(layer, target.where) : undefined;
  const summed = target.metric === 'sum' && target.property !== undefined ? propertyNumbers(layer, target.property) : undefined;
  const countedIds = new Set(target.countedStatuses);
  const counted = columns.statusIds.map((statusId) => countedIds.has(statusId));
  const totals: TargetTotals = { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };

  // One feature's part in the totals while it has `code`, added (sign 1) or taken away (sign -1).
  const move = (index: number, code: number, sign: 1 | -1) => {
    if (code === NO_STATUS) return;
    totals.eligibleFeatures += sign;
    if (!counted[code]) return;
    totals.features += sign;
    totals.areaSquareMeters += sign * (layer.areaSquareMeters[index] ?? 0);
    totals.lengthMeters += sign * (layer.lengthMeters[index] ?? 0);
    const value = summed?.[index] ?? Number.NaN;
    if (Number.isFinite(value)) totals.propertySum += sign * value;
  };

  const codes = new Uint16Array(featureCount).fill(NO_STATUS);
  const entries: number[] = [];
  const featureOfEntry = new Uint32Array(columns.historyDay.length);
  for (let index = 0; index < featureCount; index++) {
    if (mask && mask[index] !== 1) continue;
    if (matches && matches[index] !== 1) continue;
    const first = columns.historyStart[index] ?? 0;
    const end = columns.historyStart[index + 1] ?? first;
    if (first === end) {
      codes[index] = columns.currentStatus[index] ?? NO_STATUS;
      move(index, codes[index] ?? NO_STATUS, 1);
      continue;
    }
    for (let entry = first; entry < end; entry++) {
      // An unreadable date is never "on or before" a day (statusCodesAsOf): it never applies.
      if (!Number.isFinite(columns.historyDay[entry])) continue;
      entries.push(entry);
      featureOfEntry[entry] = index;
    }
  }
  // By day, then data order: the last entry applied on a day is the one statusCodesAsOf picks.
  entries.sort((left, right) => (columns.historyDay[left] ?? 0) - (columns.historyDay[right] ?? 0) || left - right);

  const planStartKey = dayKey(context.planStart);
  const lastKey = entries.length > 0 ? (columns.historyDay[entries[entries.length - 1] ?? 0] ?? planStartKey) : planStartKey;
  const steps: SeriesStep[] = [];
  const valueNow = () => metricValue(target.metric, totals);
  let position = 0;
  while (position < entries.length) {
    const day = columns.historyDay[entries[position] ?? 0] ?? 0;
    if (day > planStartKey && steps.length === 0) steps.push({ date: context.planStart, actual: valueNow() });
    for (; position < entries.length && columns.historyDay[entries[position] ?? 0] === day; position++) {
      const entry = entries[position] ?? 0;
      const index = featureOfEntry[entry] ?? 0;
      move(index, codes[index] ?? NO_STATUS, -1);
      codes[index] = columns.historyStatus[entry] ?? NO_STATUS;
      move(index, codes[index] ?? NO_STATUS, 1);
    }
    if (day <= planStartKey) continue;
    const actual = valueNow();
    if (actual !== steps[steps.length - 1]?.actual) steps.push({ date: isoDateOfDayKey(day), actual });
  }
  if (steps.length === 0) steps.push({ date: context.planStart, actual: valueNow() });

  const todayKey = dayKey(context.today);
  return {
    targetId: target.id,
    planStart: context.planStart,
    endDate: isoDateOfDayKey(Math.max(todayKey, lastKey, planStartKey)),
    deadline: target.deadline,
    target: target.target,
    steps,
  };
}

/** The series' actual on a day (YYYY-MM-DD): the last step on or before it; the first step's before the plan start. */
export function seriesActualOn(series: TargetSeries, isoDate: string): number {
  let actual = series.steps[0]?.actual ?? 0;
  for (const step of series.steps) {
    if (step.date > isoDate) break;
    actual = step.actual;
  }
  return actual;
}

/** What a steady pace from zero at the plan start to the target at the deadline reaches on a day. */
export function seriesPaceOn(series: TargetSeries, isoDate: string): number {
  return series.target * elapsedFraction(series.planStart, series.deadline, isoDate);
}
