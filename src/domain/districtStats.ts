import type { LayerDefinition, Manifest } from './manifest';
import { measuredLayerOf, type MeasuredLayer } from './measuredLayer';
import type { ViewFilter } from './featureFilter';
import { filterMask } from './featureFilter';
import { layerStats, type LayerStats } from './layerStats';
import { statusCodesAsOf } from './statusCodesAsOf';
import { targetProgress, type TargetProgress } from './targetProgress';

export interface LayerSummary {
  layerId: string;
  definition: LayerDefinition;
  /** Stats of the features the view filter lets through, by their status on asOfDate. */
  stats: LayerStats;
  /**
   * Progress of every target of the layer, counting only the features the view filter lets
   * through: filtered to a sub-district, a target shows that sub-district's contribution.
   */
  targets: TargetProgress[];
}

export interface DistrictStats {
  asOfDate: string;
  /** In manifest order. */
  layers: LayerSummary[];
}

function emptyLayer(definition: LayerDefinition): MeasuredLayer {
  return measuredLayerOf(definition, [], { areaSquareMeters: new Float64Array(0), lengthMeters: new Float64Array(0) });
}

/**
 * Every number the app, the server and the CLI show about the plan: per layer, its stats under
 * the view filter and its targets' progress, all with statuses as of `asOfDate` (YYYY-MM-DD).
 * A manifest layer with no measured data reports zeros.
 */
export function districtStats(
  manifest: Manifest,
  layers: readonly MeasuredLayer[],
  filter: ViewFilter,
  asOfDate: string,
): DistrictStats {
  const byId = new Map(layers.map((layer) => [layer.definition.id, layer]));
  const reports = manifest.layers.map((definition): LayerSummary => {
    const measured = byId.get(definition.id) ?? emptyLayer(definition);
    const codes = statusCodesAsOf(measured.columns, asOfDate);
    const mask = filterMask(measured, filter.layers[definition.id], codes);
    const context = { asOfDate, planStart: manifest.district.planStart, codes, mask };
    return {
      layerId: definition.id,
      definition,
      stats: layerStats(measured, { codes, mask }),
      targets: definition.targets.map((target) => targetProgress(target, measured, context)),
    };
  });
  return { asOfDate, layers: reports };
}
