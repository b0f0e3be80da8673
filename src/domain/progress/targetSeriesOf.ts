import type { MeasuredLayer } from '../measure/measuredLayer';
import type { LayerDefinition, PlanTarget } from '../plan/manifest';
import { targetSeries, type TargetSeries, type TargetSeriesContext } from './targetSeries';
import { targetSeriesFromDays, type DayGroup } from './targetSeriesFromDays';

/** What a target's chart over time is drawn from: the layer's projects, or a tiled layer's changes per day. */
export type TargetSeriesSource =
  | { kind: 'layer'; layer: MeasuredLayer }
  | { kind: 'days'; definition: LayerDefinition; days: readonly DayGroup[] };

export function definitionOfSource(source: TargetSeriesSource): LayerDefinition {
  return source.kind === 'layer' ? source.layer.definition : source.definition;
}

/** The whole district's series of a target, by whichever source the page has. */
export function targetSeriesOf(target: PlanTarget, source: TargetSeriesSource, context: Pick<TargetSeriesContext, 'planStart' | 'today'>): TargetSeries {
  return source.kind === 'layer' ? targetSeries(target, source.layer, context) : targetSeriesFromDays(target, source.days, context);
}
