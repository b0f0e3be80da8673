import type { LayerFilter } from '../browse/featureFilter';
import type { PlanTarget } from '../plan/manifest';
import type { TargetTotals } from '../plan/targetMetrics';
import type { StatusGroup } from './statusGroups';

/**
 * targetTotals for a layer known by its groups (a tiled layer): the same counts over the groups a
 * view filter's statuses and sub-districts let through. A target with a `where` or a summed
 * property needs sums the groups do not carry: null then, and the page says it cannot count it.
 */
export function targetTotalsFromGroups(target: PlanTarget, groups: readonly StatusGroup[], filter: LayerFilter | undefined): TargetTotals | null {
  if (target.where || target.metric === 'sum') return null;
  const counted = new Set(target.countedStatuses);
  const totals: TargetTotals = { features: 0, areaSquareMeters: 0, lengthMeters: 0, propertySum: 0, eligibleFeatures: 0 };
  for (const group of groups) {
    if (filter && filter.statuses.length > 0 && !filter.statuses.includes(group.status)) continue;
    if (filter && filter.streets.length > 0 && !filter.streets.includes(group.street)) continue;
    totals.eligibleFeatures += group.features;
    if (!counted.has(group.status)) continue;
    totals.features += group.features;
    totals.areaSquareMeters += group.areaSquareMeters;
    totals.lengthMeters += group.lengthMeters;
  }
  return totals;
}
