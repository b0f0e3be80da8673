import type { PlanTarget } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { featureSelection } from '../browse/featureSelection';
import { targetProgress, type TargetProgressContext } from './targetProgress';

export interface StreetContribution {
  street: string;
  /** The target's metric over this sub-district's features (features, ha, mu or km). */
  actual: number;
  /** Share of the district-wide actual, 0..100; 0 when nothing is done yet. Meaningless for a share target, whose actual here is the sub-district's own share. */
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
  const selection = featureSelection(layer, context);
  const resolved = { ...context, codes: selection.codes, statusIds: selection.statusIds, statusOf: undefined, include: undefined };
  const district = targetProgress(target, layer, { ...resolved, mask: selection.mask ?? undefined }).actual;
  const { streets, streetCode } = layer.columns;
  return streets
    .map((street, code): StreetContribution => {
      const mask = new Uint8Array(layer.featureCount);
      for (let index = 0; index < layer.featureCount; index++) {
        mask[index] = streetCode[index] === code && (!selection.mask || selection.mask[index] === 1) ? 1 : 0;
      }
      const actual = targetProgress(target, layer, { ...resolved, mask }).actual;
      return { street, actual, percentOfDistrict: district > 0 ? (100 * actual) / district : 0 };
    })
    .sort((left, right) => right.actual - left.actual || left.street.localeCompare(right.street, 'zh-CN'));
}
