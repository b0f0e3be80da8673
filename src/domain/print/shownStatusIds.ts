import { filterMask, type LayerFilter } from '../browse/featureFilter';
import type { MeasuredLayer } from '../measure/measuredLayer';
import { NO_STATUS, statusCodesAsOf } from '../progress/statusCodesAsOf';

/** One side of a map (the whole map, or a half of a swipe comparison): its day and the features it can show. */
export interface ShownSide {
  asOfDate: string;
  /** A flag per feature, 1 for those within the side's extent (featuresReaching). */
  reaching: Uint8Array;
}

/**
 * The statuses a map draws of a layer: those the features passing the filter have on each side's
 * day, among the features within that side's extent. Lifecycle order first, then statuses only
 * the data knows, as they come. A legend of exactly these describes what is on show.
 */
export function shownStatusIds(layer: MeasuredLayer, filter: LayerFilter | undefined, sides: readonly ShownSide[]): string[] {
  const { statusIds } = layer.columns;
  const shown = new Uint8Array(statusIds.length);
  for (const side of sides) {
    const codes = statusCodesAsOf(layer.columns, side.asOfDate);
    const mask = filterMask(layer, filter, codes);
    for (let index = 0; index < layer.featureCount; index++) {
      const code = codes[index] ?? NO_STATUS;
      if (mask[index] === 1 && side.reaching[index] === 1 && code !== NO_STATUS) shown[code] = 1;
    }
  }
  const present = statusIds.filter((_, code) => shown[code] === 1);
  const lifecycle = layer.definition.statuses.map((status) => status.id).filter((id) => present.includes(id));
  return [...lifecycle, ...present.filter((id) => !lifecycle.includes(id))];
}
