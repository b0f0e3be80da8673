import type { PlanTarget } from './manifest';
import type { MeasuredLayer } from './measuredLayer';
import { streetOf } from './featureFilter';
import { targetProgress, type TargetProgressContext } from './targetProgress';

export interface StreetContribution {
  street: string;
  /** The target's metric over this sub-district's features (features, ha, mu or km). */
  actual: number;
  /** Share of the district-wide actual, 0..100; 0 when nothing is done yet. */
  percentOfDistrict: number;
}

/**
 * Each sub-district's contribution to one target, largest first (ties by name), with the same
 * counting rules as targetProgress so the ranking adds up to the district figure.
 */
export function targetRankingByStreet(
  target: PlanTarget,
  layer: MeasuredLayer,
  context: TargetProgressContext,
): StreetContribution[] {
  const baseInclude = context.include;
  const streets = [...new Set(layer.features.map(streetOf))];
  const district = targetProgress(target, layer, context).actual;
  return streets
    .map((street): StreetContribution => {
      const include = (index: number) => {
        const feature = layer.features[index];
        return feature !== undefined && streetOf(feature) === street && (!baseInclude || baseInclude(index));
      };
      const actual = targetProgress(target, layer, { ...context, include }).actual;
      return { street, actual, percentOfDistrict: district > 0 ? (100 * actual) / district : 0 };
    })
    .sort((left, right) => right.actual - left.actual || left.street.localeCompare(right.street, 'zh-CN'));
}
