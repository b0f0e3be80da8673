/**
 * Plan targets that fit the generated projects: counts are all of them, areas about 85 % of what
 * is planned (plans leave a margin), lengths the whole network rounded down.
 */
import type { LayerDefinition, PlanTarget } from '../../src/domain/plan/manifest';
import type { DraftFeature } from './drafts';
import { matchesCondition, measureOf } from './measure';

const AREA_SHARE = 0.85;

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function fittedTarget(target: PlanTarget, drafts: readonly DraftFeature[]): number {
  const matching = drafts.filter((d) => matchesCondition(d, target.where));
  const total = matching.reduce((sum, d) => sum + measureOf(d, target.metric, target.property), 0);
  switch (target.metric) {
    case 'count':
      return total;
    case 'area_ha':
      return roundTo(total * AREA_SHARE, 5);
    case 'area_mu':
      return roundTo(total * AREA_SHARE, 50);
    case 'length_km':
      return Math.floor(total);
    case 'sum':
      return roundTo(total * AREA_SHARE, 1);
    case 'share':
      return 90;
  }
}

export function fitTargets(layer: LayerDefinition, drafts: readonly DraftFeature[]): void {
  for (const target of layer.targets) target.target = fittedTarget(target, drafts);
}

/** The target that paces a project: the first one that counts its finished status and matches it. */
export function pacingTarget(layer: LayerDefinition, draft: DraftFeature): PlanTarget {
  const target = layer.targets.find((t) => t.countedStatuses.includes(draft.doneStatus) && matchesCondition(draft, t.where));
  if (target === undefined) throw new Error(`${layer.id}: no target counts ${draft.doneStatus}`);
  return target;
}
