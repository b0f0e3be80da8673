import type { MeasuredLayer } from '../measure/measuredLayer';
import { NO_STREET } from '../columns/layerColumns';
import { NO_STATUS } from '../progress/statusCodesAsOf';

export { NO_STREET };

/** What one layer shows; an empty list means no restriction on that field. */
export interface LayerFilter {
  statuses: string[];
  streets: string[];
  /** Only these features (1: passes), e.g. the late projects of 只看预警项目; absent: no restriction. */
  features?: Uint8Array;
}

/** Per-layer filters, keyed by layer id; a missing entry shows the whole layer. */
export interface ViewFilter {
  layers: Record<string, LayerFilter | undefined>;
}

/** Whether a layer's filter narrows it at all (statuses, sub-districts or a feature list). */
export function narrowsLayer(filter: LayerFilter | undefined): boolean {
  return filter !== undefined && (filter.statuses.length > 0 || filter.streets.length > 0 || filter.features !== undefined);
}

/**
 * The filter as a mask over a layer's features (1: passes), from status codes as statusCodesAsOf
 * gives them: a loop over typed arrays, cheap enough to run on every filter click.
 */
export function filterMask(layer: MeasuredLayer, filter: LayerFilter | undefined, codes: Uint16Array, statusIds: readonly string[] = layer.columns.statusIds): Uint8Array {
  const { streetCode, streets } = layer.columns;
  const statusAllowed = Uint8Array.from(statusIds, (statusId) => (!filter || filter.statuses.length === 0 || filter.statuses.includes(statusId) ? 1 : 0));
  const streetAllowed = Uint8Array.from(streets, (street) => (!filter || filter.streets.length === 0 || filter.streets.includes(street) ? 1 : 0));
  const only = filter?.features;
  const mask = new Uint8Array(layer.featureCount);
  for (let index = 0; index < layer.featureCount; index++) {
    const code = codes[index] ?? NO_STATUS;
    mask[index] = code !== NO_STATUS && statusAllowed[code] === 1 && streetAllowed[streetCode[index] ?? 0] === 1 && (!only || only[index] === 1) ? 1 : 0;
  }
  return mask;
}

/**
 * Indexes (ascending) of the features of a layer that pass the filter, with statuses as codes
 * (statusCodesAsOf for a day; the current statuses without).
 */
export function filteredIndexes(layer: MeasuredLayer, filter: LayerFilter | undefined, codes: Uint16Array = layer.columns.currentStatus): Uint32Array {
  const mask = filterMask(layer, filter, codes);
  const indexes = new Uint32Array(layer.featureCount);
  let count = 0;
  for (let index = 0; index < layer.featureCount; index++) if (mask[index] === 1) indexes[count++] = index;
  return indexes.slice(0, count);
}
