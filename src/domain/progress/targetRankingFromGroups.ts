import type { PlanTarget } from '../plan/manifest';
import type { LayerGroups } from './layerGroups';
import { targetProgressFromGroups } from './targetGroups';
import type { TargetProgressContext } from './targetProgress';
import type { StreetContribution } from './targetRankingByStreet';

/**
 * targetRankingByStreet for a layer known by its groups (a tiled layer): each sub-district's part
 * of the target by the same counting rules, largest first (ties by name).
 */
export function targetRankingFromGroups(target: PlanTarget, counted: LayerGroups, context: Pick<TargetProgressContext, 'asOfDate' | 'planStart'>): StreetContribution[] {
  const actualOf = (streets: string[]): number => targetProgressFromGroups(target, counted.targetGroups, context, { statuses: [], streets }).actual;
  const district = actualOf([]);
  const streets = [...new Set(counted.groups.map((group) => group.street))].sort();
  return streets
    .map((street): StreetContribution => {
      const actual = actualOf([street]);
      return { street, actual, percentOfDistrict: district > 0 ? (100 * actual) / district : 0 };
    })
    .sort((left, right) => right.actual - left.actual || left.street.localeCompare(right.street, 'zh-CN'));
}
