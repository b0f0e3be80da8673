import type { LocalizedText, PlanTarget, TargetMetric } from './manifest';
import type { MeasuredLayer } from './measuredLayer';
import type { StatusResolver } from './statusAsOf';
import { emptyTotals } from './layerStats';
import { metricValue } from './units';

export interface TargetProgress {
  targetId: string;
  label: LocalizedText;
  metric: TargetMetric;
  /** In the metric's unit: features, ha, mu or km. */
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

export interface TargetProgressContext {
  /** YYYY-MM-DD: the day the progress is reported for. */
  asOfDate: string;
  /** YYYY-MM-DD: the start of the plan period, when the pace starts from zero. */
  planStart: string;
  include?: (index: number) => boolean;
  statusOf?: StatusResolver;
}

const MILLISECONDS_PER_DAY = 86_400_000;

/** Whole UTC days since 1970-01-01 for a YYYY-MM-DD date (a time part is ignored). */
export function utcDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MILLISECONDS_PER_DAY;
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

/**
 * Progress toward one plan target: the metric summed over the features that match the
 * target's `where` and whose status (statusOf, else the current one) is a counted status.
 */
export function targetProgress(target: PlanTarget, layer: MeasuredLayer, context: TargetProgressContext): TargetProgress {
  const { include, statusOf } = context;
  const counted = new Set(target.countedStatuses);
  const where = target.where;
  const totals = emptyTotals();
  layer.features.forEach((feature, index) => {
    if (include && !include(index)) return;
    if (where && String(feature.properties[where.property] ?? '') !== where.equals) return;
    const status = statusOf ? statusOf(index) : feature.properties.status;
    if (status === null || !counted.has(status)) return;
    totals.features += 1;
    totals.areaSquareMeters += layer.areaSquareMeters[index] ?? 0;
    totals.lengthMeters += layer.lengthMeters[index] ?? 0;
  });

  const actual = metricValue(target.metric, totals);
  const met = actual >= target.target;
  const expectedActual = target.target * elapsedFraction(context.planStart, target.deadline, context.asOfDate);
  return {
    targetId: target.id,
    label: target.label,
    metric: target.metric,
    target: target.target,
    actual,
    percent: target.target > 0 ? (100 * actual) / target.target : 100,
    remaining: Math.max(0, target.target - actual),
    expectedActual,
    onTrack: met || actual >= expectedActual,
    overdue: !met && utcDayNumber(context.asOfDate) > utcDayNumber(target.deadline),
    deadline: target.deadline,
    met,
  };
}
