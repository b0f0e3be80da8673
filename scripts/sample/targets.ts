/**
 * Plan targets that fit the generated projects: counts are all of them, areas about 85 % of what
 * is planned (plans leave a margin), lengths the whole network rounded down, sums (investment,
 * school seats) what the listed projects add up to, to two significant figures, and shares the
 * percentage a plan would promise when every listed project is meant to get there, less the
 * same margin as areas.
 */
import type { LayerDefinition, PlanTarget } from '../../src/domain/plan/manifest';
import type { DraftFeature } from './drafts';
import { matchesCondition, measureOf } from './measure';

const AREA_SHARE = 0.85;

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Down to two significant figures, as plans state money and seats (356.4 亿元 -> 350, 2.64 万 -> 2.6). */
function twoFiguresDown(value: number): number {
  if (value <= 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  // Through integers, so that 2.6 is written as 2.6 and not 2.6000000000000001.
  return Number((Math.floor(value / step + 1e-9) * step).toPrecision(2));
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
      return twoFiguresDown(total);
    case 'share': {
      const reaching = matching.filter((d) => target.countedStatuses.includes(d.doneStatus)).length;
      return total === 0 ? 0 : Math.min(100, roundTo((100 * reaching * AREA_SHARE) / total, 5));
    }
  }
}

export function fitTargets(layer: LayerDefinition, drafts: readonly DraftFeature[]): void {
  for (const target of layer.targets) target.target = fittedTarget(target, drafts);
}

/**
 * A target's value in the units projects are measured in: a share of 85 % over 8 centres is
 * 6.8 centres; every other metric is already in them.
 */
export function targetInMeasure(target: PlanTarget, drafts: readonly DraftFeature[]): number {
  if (target.metric !== 'share') return target.target;
  const matching = drafts.filter((d) => matchesCondition(d, target.where)).length;
  return (target.target / 100) * matching;
}

/** The target that paces a project: the first one that counts its finished status and matches it. */
export function pacingTarget(layer: LayerDefinition, draft: DraftFeature): PlanTarget {
  const target = layer.targets.find((t) => t.countedStatuses.includes(draft.doneStatus) && matchesCondition(draft, t.where));
  if (target === undefined) throw new Error(`${layer.id}: no target counts ${draft.doneStatus}`);
  return target;
}
