import type { LayerFilter } from '../browse/featureFilter';
import { filteredIndexes } from '../browse/featureFilter';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { statusCodesAsOf } from '../progress/statusCodesAsOf';

/** Which features to export: the whole layer, or what the map shows under the view's filter on a day. */
export type ExportScope =
  | { kind: 'layer' }
  | { kind: 'filtered'; filter: LayerFilter | undefined; asOfDate: string };

/**
 * Indexes (ascending) of the layer's features in the scope. A filtered export judges each feature
 * by its status on `asOfDate`, as the map and the statistics do, so projects not yet started on
 * that day are left out.
 */
export function exportIndexes(layer: MeasuredLayer, scope: ExportScope): Uint32Array {
  if (scope.kind === 'layer') return Uint32Array.from({ length: layer.featureCount }, (_, index) => index);
  return filteredIndexes(layer, scope.filter, statusCodesAsOf(layer.columns, scope.asOfDate));
}
