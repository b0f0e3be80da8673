import type { ViewFilter } from '../domain/browse/featureFilter';
import type { LayerDefinition } from '../domain/plan/manifest';

/** The domain filter for the chosen statuses (per layer) and sub-districts (for every layer). */
export function viewFilterOf(
  layers: readonly LayerDefinition[],
  statusFilters: Readonly<Record<string, string[]>>,
  streets: readonly string[],
): ViewFilter {
  const filter: ViewFilter = { layers: {} };
  for (const layer of layers) {
    filter.layers[layer.id] = { statuses: statusFilters[layer.id] ?? [], streets: [...streets] };
  }
  return filter;
}

export function isFiltering(statusFilters: Readonly<Record<string, string[]>>, streets: readonly string[]): boolean {
  return streets.length > 0 || Object.values(statusFilters).some((statuses) => statuses.length > 0);
}
