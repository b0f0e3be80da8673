import type { LocalizedText, PlanTarget, TargetMetric } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { metricValue, TARGET_METRICS, type TargetTotals } from '../plan/targetMetrics';
import { featureSelection, type FeatureSelectionOptions } from '../browse/featureSelection';
import { NO_STATUS } from './statusCodesAsOf';
import { matchesWhere, propertyNumber, whereKey } from '../columns/layerColumns';
import type { PropertyCondition } from '../plan/manifest';
import { utcDayNumber } from '../dates/utcDayNumber';

// Kept here too: the timeline and older callers import it from this module.
export { utcDayNumber };

export interface TargetProgress {
  targetId: string;
  label: LocalizedText;
  metric: TargetMetric;
  /** A sum target's unit as the manifest names it (亿元, 万个); absent for the other metrics. */
  unit?: LocalizedText;
  /** In the metric's unit: features, ha, mu, km, the summed property's unit, or percent. */
  target: number;
  actual: number;
  /** 100 · actual / target; may exceed 100. A target of 0 counts as 100 % done. */
  percent: number;
  remaining: number;
  /** What a steady pace from the plan start to the deadline would have reached by asOfDate. */
  expectedActual: number;
  onTrack: boolean;
  overdue: boolean;
  deadline: string;
  met: boolean;
}

export interface TargetProgressContext extends FeatureSelectionOptions {
  /** YYYY-MM-DD: the day the progress is reported for. */
  asOfDate: string;
  /** YYYY-MM-DD: the start of the plan period, when the pace starts from zero. */
  planStart: string;
}

/** The layer's precomputed mask for a condition, or one computed from its features (a target from elsewhere). */
export function whereMask(layer: MeasuredLayer, where: PropertyCondition): Uint8Array {
  const precomputed = layer.columns.whereMatches[whereKey(where)];
  if (precomputed) return precomputed;
  const mask = new Uint8Array(layer.featureCount);
  for (let index = 0; index < layer.featureCount; index++) {
    const feature = layer.featureAt(index);
    mask[index] = feature && matchesWhere(feature.properties, where) ? 1 : 0;
  }
  return mask;
}

/** Share of the time from planStart to deadline elapsed on asOfDate, clamped to 0..1. */
export function elapsedFraction(planStart: string, deadline: string, asOfDate: string): number {
  const start = utcDayNumber(planStart);
  const end = utcDayNumber(deadline);
  const now = utcDayNumber(asOfDate);
  if (!(end > start)) return now >= end ? 1 : 0;
  const fraction = (now - start) / (end - start);
  return fraction >= 1 ? 1 : fraction > 0 ? fraction : 0;
}

/** A property's values as numbers: the layer's precomputed column, or read from its features (a target from elsewhere). */
export function propertyNumbers(layer: MeasuredLayer, property: string): Float64Array {
  const precomputed = layer.columns.propertyNumbers[property];
  if (precomputed) return precomputed;
  const numbers = new Float64Array(layer.featureCount);
  for (let index = 0; index < layer.featureCount; index++) numbers[index] = propertyNumber(layer.featureAt(index)?.properties[property]);
  return numbers;
}

/**
 * What one target counts: over the features that match the target's `where` and whose status
 * (statusOf, else the current one) is a counted status, their count, area, length and summed
 * property, beside every matching feature in the plan on the date (a share's denominator). A sum
 * leaves out values that are not numbers (validation reports them).
 */
export function targetTotals(target: PlanTarget, layer: MeasuredLayer, context: TargetProgressContext): TargetTotals {
  const { codes, statusIds, mask } = featureSelection(layer, context);
  const countedIds = new Set(target.countedStatuses);
  const counted = new Uint8Array(statusIds.length);
  statusIds.forEach((statusId, code) => { counted[code] = countedIds.has(statusId) ? 1 : 0; });
  const matches = target.where ? whereMask(layer, target.where) : undefined;
  const summed = target.metric === 'sum' && target.property !== undefined ? propertyNumbers(layer, target.property) : undefined;
  const totals: TargetTotals = { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };
  for (let index = 0; index < layer.featureCount; index++) {
    if (mask && mask[index] !== 1) continue;
    if (target.where && matches?.[index] !== 1) continue;
    const code = codes[index] ?? NO_STATUS;
    if (code === NO_STATUS) continue;
    totals.eligibleFeatures += 1;
    if (counted[code] !== 1) continue;
    totals.features += 1;
    totals.areaSquareMeters += layer.areaSquareMeters[index] ?? 0;
    totals.lengthMeters += layer.lengthMeters[index] ?? 0;
    const value = summed?.[index] ?? Number.NaN;
    if (Number.isFinite(value)) totals.propertySum += value;
  }
  return totals;
}

/** The figures that follow from a target, its actual and its pace on a date: one rule for a district's target and a city's sum of them. */
export type ProgressFigures = Pick<TargetProgress, 'target' | 'actual' | 'percent' | 'remaining' | 'expectedActual' | 'onTrack' | 'overdue' | 'deadline' | 'met'>;

export function progressFigures(target: number, actual: number, expectedActual: number, deadline: string, asOfDate: string): ProgressFigures {
  const met = actual >= target;
  return {
    target,
    actual,
    percent: target > 0 ? (100 * actual) / target : 100,
    remaining: Math.max(0, target - actual),
    expectedActual,
    onTrack: met || actual >= expectedActual,
    overdue: !met && utcDayNumber(asOfDate) > utcDayNumber(deadline),
    deadline,
    met,
  };
}

/** Progress toward one plan target: the metric over what targetTotals counts, against the target and a steady pace. */
export function targetProgress(target: PlanTarget, layer: MeasuredLayer, context: TargetProgressContext): TargetProgress {
  return progressOfTotals(target, targetTotals(target, layer, context), context);
}

/** A target's progress from its counted totals (targetTotals). */
export function progressOfTotals(target: PlanTarget, totals: TargetTotals, context: Pick<TargetProgressContext, 'asOfDate' | 'planStart'>): TargetProgress {
  const expectedActual = target.target * elapsedFraction(context.planStart, target.deadline, context.asOfDate);
  return {
    targetId: target.id,
    label: target.label,
    metric: target.metric,
    ...(TARGET_METRICS[target.metric].unit === 'property' && target.unit ? { unit: target.unit } : {}),
    ...progressFigures(target.target, metricValue(target.metric, totals), expectedActual, target.deadline, context.asOfDate),
  };
}
