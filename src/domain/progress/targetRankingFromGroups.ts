import type { PlanTarget } from '../plan/manifest';
import type { StatusGroup } from './statusGroups';
import { progressOfTotals, type TargetProgressContext } from './targetProgress';
import type { StreetContribution } from './targetRankingByStreet';
import { targetTotalsFromGroups } from './targetTotalsFromGroups';

/**
 * targetRankingByStreet for a layer known by its groups (a tiled layer): each sub-district's part
 * of the target by the same counting rules, largest first (ties by name). Empty when the groups
 * cannot count the target (targetTotalsFromGroups).
 */
export function targetRankingFromGroups(target: PlanTarget, groups: readonly StatusGroup[], context: Pick<TargetProgressContext, 'asOfDate' | 'planStart'>): StreetContribution[] {
  const actualOf = (streets: string[]): number | null => {
    const totals = targetTotalsFromGroups(target, groups, { statuses: [], streets });
    return totals ? progressOfTotals(target, totals, context).actual : null;
  };
  const district = actualOf([]);
  if (district === null) return [];
  const streets = [...new Set(groups.map((group) => group.street))].sort();
  return streets
    .map((street): StreetContribution => {
      const actual = actualOf([street]) ?? 0;
      return { street, actual, percentOfDistrict: district > 0 ? (100 * actual) / district : 0 };
    })
    .sort((left, right) => right.actual - left.actual || left.street.localeCompare(right.street, 'zh-CN'));
}
