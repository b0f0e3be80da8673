import type { ViewFilter } from '../domain/browse/featureFilter';
import type { LayerDefinition } from '../domain/plan/manifest';

/**
 * The domain filter for the chosen statuses (per layer) and sub-districts (for every layer), and,
 * under 只看预警项目, each layer's late projects (`onlyFeatures`, by layer id: a layer without an
 * entry shows none of its projects).
 */
export function viewFilterOf(
  layers: readonly LayerDefinition[],
  statusFilters: Readonly<Record<string, string[]>>,
  streets: readonly string[],
  onlyFeatures?: Readonly<Record<string, Uint8Array>>,
): ViewFilter {
  const filter: ViewFilter = { layers: {} };
  for (const layer of layers) {
    filter.layers[layer.id] = {
      statuses: statusFilters[layer.id] ?? [],
      streets: [...streets],
      ...(onlyFeatures ? { features: onlyFeatures[layer.id] ?? NONE } : {}),
    };
  }
  return filter;
}

/** No feature passes: a layer with nothing late under 只看预警项目. */
const NONE = new Uint8Array(0);

export function isFiltering(statusFilters: Readonly<Record<string, string[]>>, streets: readonly string[], lateOnly = false): boolean {
  return lateOnly || streets.length > 0 || Object.values(statusFilters).some((statuses) => statuses.length > 0);
}
