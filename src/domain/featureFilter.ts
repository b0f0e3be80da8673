import type { PlanFeature } from './planFeature';
import type { MeasuredLayer } from './measuredLayer';
import type { StatusResolver } from './statusAsOf';

/** What one layer shows; an empty list means no restriction on that field. */
export interface LayerFilter {
  statuses: string[];
  streets: string[];
}

/** Per-layer filters, keyed by layer id; a missing entry shows the whole layer. */
export interface ViewFilter {
  layers: Record<string, LayerFilter | undefined>;
}

import { NO_STREET } from './layerColumns';
import { featureSelection } from './featureSelection';
import { NO_STATUS } from './statusCodesAsOf';

export { NO_STREET };

export function streetOf(feature: PlanFeature): string {
  const street = feature.properties.street;
  return typeof street === 'string' ? street : NO_STREET;
}

/**
 * True if the feature's status is one of the chosen statuses and its street one of the chosen
 * streets. `status` defaults to the current status; a null status (the project did not exist
 * yet on the date asked about) never passes.
 */
export function featurePassesFilter(
  feature: PlanFeature,
  filter: LayerFilter | undefined,
  status: string | null = feature.properties.status,
): boolean {
  if (status === null) return false;
  if (!filter) return true;
  if (filter.statuses.length > 0 && !filter.statuses.includes(status)) return false;
  if (filter.streets.length > 0 && !filter.streets.includes(streetOf(feature))) return false;
  return true;
}

/**
 * The filter as a mask over a layer's features (1: passes), from status codes as statusCodesAsOf
 * gives them: a loop over typed arrays, cheap enough to run on every filter click.
 */
export function filterMask(layer: MeasuredLayer, filter: LayerFilter | undefined, codes: Uint16Array, statusIds: readonly string[] = layer.columns.statusIds): Uint8Array {
  const { streetCode, streets } = layer.columns;
  const statusAllowed = Uint8Array.from(statusIds, (statusId) => (!filter || filter.statuses.length === 0 || filter.statuses.includes(statusId) ? 1 : 0));
  const streetAllowed = Uint8Array.from(streets, (street) => (!filter || filter.streets.length === 0 || filter.streets.includes(street) ? 1 : 0));
  const mask = new Uint8Array(layer.featureCount);
  for (let index = 0; index < layer.featureCount; index++) {
    const code = codes[index] ?? NO_STATUS;
    mask[index] = code !== NO_STATUS && statusAllowed[code] === 1 && streetAllowed[streetCode[index] ?? 0] === 1 ? 1 : 0;
  }
  return mask;
}

/** The filter as a predicate on feature indexes of a layer, for layerStats and targetProgress. */
export function filterPredicate(
  layer: MeasuredLayer,
  filter: LayerFilter | undefined,
  statusOf?: StatusResolver,
): (index: number) => boolean {
  const { codes, statusIds } = featureSelection(layer, statusOf ? { statusOf } : {});
  const mask = filterMask(layer, filter, codes, statusIds);
  return (index) => mask[index] === 1;
}

/** Indexes (ascending) of the features of a layer that pass the filter. */
export function filteredIndexes(layer: MeasuredLayer, filter: LayerFilter | undefined, statusOf?: StatusResolver): Uint32Array {
  const passes = filterPredicate(layer, filter, statusOf);
  const indexes = new Uint32Array(layer.featureCount);
  let count = 0;
  for (let index = 0; index < layer.featureCount; index++) if (passes(index)) indexes[count++] = index;
  return indexes.slice(0, count);
}
