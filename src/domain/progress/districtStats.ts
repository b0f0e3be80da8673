import type { LayerDefinition, Manifest, PlanTarget } from '../plan/manifest';
import { emptyMeasuredLayer, type MeasuredLayer } from '../measure/measuredLayer';
import type { LayerFilter, ViewFilter } from '../browse/featureFilter';
import { layerStatsFromGroups } from './statusGroups';
import type { LayerGroups } from './layerGroups';
import { targetProgressFromGroups } from './targetGroups';
import { filterMask, narrowsLayer } from '../browse/featureFilter';
import { layerStats, type LayerStats } from './layerStats';
import { statusCodesAsOf } from './statusCodesAsOf';
import { targetProgress, type TargetProgress, type TargetProgressContext } from './targetProgress';

export interface LayerSummary {
  layerId: string;
  definition: LayerDefinition;
  /** Stats of the features the view filter lets through, by their status on asOfDate. */
  stats: LayerStats;
  /**
   * Progress of every target of the layer over the whole district, whatever the view filter: a
   * target's progress is a fact of the plan, and a filter must never replace it with a part.
   */
  targets: TargetProgress[];
  /**
   * When the view filter narrows this layer: per target (in the same order), the part of its
   * actual that the filter shows ("of which 金湖街道: 6"). Null when the layer is not filtered.
   */
  targetsInView: TargetPart[] | null;
}

/** The part of a target's actual (in the target's metric) that the view filter lets through. */
export interface TargetPart {
  targetId: string;
  actual: number;
}

export interface DistrictStats {
  asOfDate: string;
  /** In manifest order. */
  layers: LayerSummary[];
}

/**
 * For layers drawn from vector tiles, whose projects the page does not hold: the database's sums
 * by status on the day and sub-district (GET /api/layers/:id/stats), by layer id.
 */
export type TiledLayerGroups = ReadonlyMap<string, LayerGroups>;

const NO_TILED_GROUPS: TiledLayerGroups = new Map();

function tiledLayerSummary(definition: LayerDefinition, counted: LayerGroups, layerFilter: LayerFilter | undefined, context: TargetProgressContext): LayerSummary {
  const progressOf = (target: PlanTarget, filter: LayerFilter | undefined) => targetProgressFromGroups(target, counted.targetGroups, context, filter);
  return {
    layerId: definition.id,
    definition,
    stats: layerStatsFromGroups(definition, counted.groups, layerFilter),
    targets: definition.targets.map((target) => progressOf(target, undefined)),
    targetsInView: narrowsLayer(layerFilter) ? definition.targets.map((target) => ({ targetId: target.id, actual: progressOf(target, layerFilter).actual })) : null,
  };
}

/**
 * Every number the app, the server and the CLI show about the plan: per layer, its stats under
 * the view filter, its targets' progress over the whole district and the part of it the filter
 * shows, all with statuses as of `asOfDate` (YYYY-MM-DD).
 * A manifest layer with no measured data reports zeros.
 */
export function districtStats(
  manifest: Manifest,
  layers: readonly MeasuredLayer[],
  filter: ViewFilter,
  asOfDate: string,
  tiledGroups: TiledLayerGroups = NO_TILED_GROUPS,
): DistrictStats {
  const byId = new Map(layers.map((layer) => [layer.definition.id, layer]));
  const reports = manifest.layers.map((definition): LayerSummary => {
    const groups = tiledGroups.get(definition.id);
    if (groups) return tiledLayerSummary(definition, groups, filter.layers[definition.id], { asOfDate, planStart: manifest.district.planStart });
    const measured = byId.get(definition.id) ?? emptyMeasuredLayer(definition);
    const codes = statusCodesAsOf(measured.columns, asOfDate);
    const layerFilter = filter.layers[definition.id];
    const mask = filterMask(measured, layerFilter, codes);
    const context = { asOfDate, planStart: manifest.district.planStart, codes };
    const narrowed = narrowsLayer(layerFilter);
    return {
      layerId: definition.id,
      definition,
      stats: layerStats(measured, { codes, mask }),
      targets: definition.targets.map((target) => targetProgress(target, measured, context)),
      targetsInView: narrowed
        ? definition.targets.map((target) => ({ targetId: target.id, actual: targetProgress(target, measured, { ...context, mask }).actual }))
        : null,
    };
  });
  return { asOfDate, layers: reports };
}
