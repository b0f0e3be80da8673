import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { ViewFilter } from '../../domain/browse/featureFilter';
import { filterMask } from '../../domain/browse/featureFilter';
import { layerFeatureBounds } from '../../domain/measure/featureBounds';
import { statusCodesAsOf } from '../../domain/progress/statusCodesAsOf';
import type { DistrictWarnings } from '../../domain/progress/districtWarnings';
import type { WarningMark } from '../../map/warningMarks';

/**
 * Where the map rings late projects: the centre of each one's bounds (from the geometry columns,
 * so before its features' text arrives too), for the layers shown and the projects the view
 * filter lets through.
 */
export function warningMarksOf(layers: readonly MeasuredLayer[], warnings: DistrictWarnings, filter: ViewFilter, hiddenLayerIds: readonly string[]): WarningMark[] {
  const marks: WarningMark[] = [];
  for (const layer of layers) {
    const layerId = layer.definition.id;
    const late = warnings.byLayer[layerId] ?? [];
    if (late.length === 0 || hiddenLayerIds.includes(layerId)) continue;
    const shown = filterMask(layer, filter.layers[layerId], statusCodesAsOf(layer.columns, warnings.asOfDate));
    for (const warning of late) {
      if (shown[warning.featureIndex] !== 1) continue;
      const bounds = layerFeatureBounds(layer, warning.featureIndex);
      if (bounds) marks.push({ position: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], kind: warning.kind });
    }
  }
  return marks;
}
