import type { LayerFilter } from '../browse/featureFilter';
import { matchesWhere } from '../columns/layerColumns';
import type { PlanTarget } from '../plan/manifest';
import type { TargetTotals } from '../plan/targetMetrics';
import type { StatusGroup } from './statusGroups';
import { progressOfTotals, type TargetProgress, type TargetProgressContext } from './targetProgress';

/**
 * A layer's projects summed by status (on a day), sub-district and the values of the properties
 * its targets' `where` conditions read, with the sums of the properties its sum targets add
 * (statusFacetsOf says which): what the database answers for a tiled layer beside its groups. A
 * few dozen to a few thousand groups however many projects there are.
 */
export interface TargetGroup extends StatusGroup {
  /** The `where` properties' values as the projects hold them; an absent or null value is left out. */
  where: Record<string, unknown>;
  /** Per summed property, the sum of its values that propertyNumber reads as finite numbers. */
  sums: Record<string, number>;
}

function passes(group: StatusGroup, filter: LayerFilter | undefined): boolean {
  if (!filter) return true;
  return (filter.statuses.length === 0 || filter.statuses.includes(group.status)) && (filter.streets.length === 0 || filter.streets.includes(group.street));
}

/**
 * targetTotals for a layer known by its target groups, with a view filter's statuses and
 * sub-districts (a project list, 只看预警项目, needs the projects and is not applied here).
 */
export function targetTotalsFromGroups(target: PlanTarget, groups: readonly TargetGroup[], filter?: LayerFilter): TargetTotals {
  const counted = new Set(target.countedStatuses);
  const summed = target.metric === 'sum' ? target.property : undefined;
  const totals: TargetTotals = { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };
  for (const group of groups) {
    if (!passes(group, filter)) continue;
    if (target.where && !matchesWhere(group.where, target.where)) continue;
    totals.eligibleFeatures += group.features;
    if (!counted.has(group.status)) continue;
    totals.features += group.features;
    totals.areaSquareMeters += group.areaSquareMeters;
    totals.lengthMeters += group.lengthMeters;
    if (summed !== undefined) totals.propertySum += group.sums[summed] ?? 0;
  }
  return totals;
}

/** targetProgress for a layer known by its target groups: the same figures from the same totals. */
export function targetProgressFromGroups(target: PlanTarget, groups: readonly TargetGroup[], context: Pick<TargetProgressContext, 'asOfDate' | 'planStart'>, filter?: LayerFilter): TargetProgress {
  return progressOfTotals(target, targetTotalsFromGroups(target, groups, filter), context);
}
