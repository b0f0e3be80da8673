import { dayKey } from '../columns/layerColumns';
import { metricValue, type TargetTotals } from '../plan/targetMetrics';
import type { PlanTarget } from '../plan/manifest';
import { targetTotalsFromGroups, type TargetGroup } from './targetGroups';
import { isoDateOfDayKey, type SeriesStep, type TargetSeries, type TargetSeriesContext } from './targetSeries';

/**
 * What a layer's projects change on one day, summed (the database's plan_status_day): a status
 * entered counts +1 project and its measures, a status left −1. `day` is yyyymmdd (dayKey); 0 for
 * projects without dated history, whose status always applies.
 */
export interface DayGroup extends TargetGroup {
  day: number;
}

function add(totals: TargetTotals, change: TargetTotals): void {
  totals.features += change.features;
  totals.areaSquareMeters += change.areaSquareMeters;
  totals.lengthMeters += change.lengthMeters;
  totals.propertySum += change.propertySum;
  totals.eligibleFeatures += change.eligibleFeatures;
}

/**
 * targetSeries for a layer known by its changes per day (a tiled layer): the whole district's
 * actual at the plan start and on every later day it changes, to the later of today and the last
 * change. Counting is targetTotalsFromGroups', which only adds, so a day's change to the target is
 * the count of that day's changes.
 */
export function targetSeriesFromDays(target: PlanTarget, days: readonly DayGroup[], context: Pick<TargetSeriesContext, 'planStart' | 'today'>): TargetSeries {
  const byDay = new Map<number, DayGroup[]>();
  for (const group of days) {
    const list = byDay.get(group.day);
    if (list) list.push(group);
    else byDay.set(group.day, [group]);
  }
  const ordered = [...byDay.keys()].sort((left, right) => left - right);
  const totals: TargetTotals = { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };
  const planStartKey = dayKey(context.planStart);
  const steps: SeriesStep[] = [];
  const valueNow = () => metricValue(target.metric, totals);
  for (const day of ordered) {
    if (day > planStartKey && steps.length === 0) steps.push({ date: context.planStart, actual: valueNow() });
    add(totals, targetTotalsFromGroups(target, byDay.get(day) ?? []));
    if (day <= planStartKey) continue;
    const actual = valueNow();
    if (actual !== steps[steps.length - 1]?.actual) steps.push({ date: isoDateOfDayKey(day), actual });
  }
  if (steps.length === 0) steps.push({ date: context.planStart, actual: valueNow() });
  const lastKey = ordered.filter((day) => day > 0).at(-1) ?? planStartKey;
  return {
    targetId: target.id,
    planStart: context.planStart,
    endDate: isoDateOfDayKey(Math.max(dayKey(context.today), lastKey, planStartKey)),
    deadline: target.deadline,
    target: target.target,
    steps,
  };
}
