import type { LayerDefinition } from '../plan/manifest';

/**
 * What a layer's target groups must carry beside status and sub-district so that every target of
 * the layer can be counted from them (targetTotalsFromGroups): the values of the properties its
 * `where` conditions read, and the sums of the properties its sum targets add. Both sorted, so
 * the same targets always give the same facets.
 */
export interface StatusFacets {
  whereProperties: string[];
  sumProperties: string[];
}

export function statusFacetsOf(definition: Pick<LayerDefinition, 'targets'>): StatusFacets {
  const whereProperties = new Set<string>();
  const sumProperties = new Set<string>();
  for (const target of definition.targets) {
    if (target.where) whereProperties.add(target.where.property);
    if (target.metric === 'sum' && target.property !== undefined) sumProperties.add(target.property);
  }
  return { whereProperties: [...whereProperties].sort(), sumProperties: [...sumProperties].sort() };
}

/** One text per facets, for keys of what was computed with them. */
export function statusFacetsKey(facets: StatusFacets): string {
  return JSON.stringify([facets.whereProperties, facets.sumProperties]);
}
