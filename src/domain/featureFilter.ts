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

/** The street key of features without a `street`: filters and stats list them under ''. */
export const NO_STREET = '';

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

/** The filter as a predicate on feature indexes of a layer, for layerStats and targetProgress. */
export function filterPredicate(
  layer: MeasuredLayer,
  filter: LayerFilter | undefined,
  statusOf?: StatusResolver,
): (index: number) => boolean {
  const features = layer.features;
  return (index) => {
    const feature = features[index];
    if (!feature) return false;
    return featurePassesFilter(feature, filter, statusOf ? statusOf(index) : feature.properties.status);
  };
}

/** Indexes (ascending) of the features of a layer that pass the filter. */
export function filteredIndexes(layer: MeasuredLayer, filter: LayerFilter | undefined, statusOf?: StatusResolver): Uint32Array {
  const passes = filterPredicate(layer, filter, statusOf);
  const indexes = new Uint32Array(layer.features.length);
  let count = 0;
  for (let index = 0; index < layer.features.length; index++) if (passes(index)) indexes[count++] = index;
  return indexes.slice(0, count);
}
