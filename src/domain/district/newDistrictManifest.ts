import type { DistrictDefinition, Manifest, VectorBasemap } from '../plan/manifest';

/**
 * layers.json for a new district: its name, plan period and view, and the product's six layers
 * with the lifecycles, colours and attribute columns of `template` (the project's own
 * layers.json) but no targets: a target is the bureau's decision, set in layers.json later.
 */
export function newDistrictManifest(template: Manifest, district: DistrictDefinition, basemap?: VectorBasemap): Manifest {
  // The basemap beside the district, where a reader of the file looks for it.
  return {
    $schema: './schema/layers.schema.json',
    district,
    ...(basemap ? { basemap } : {}),
    layers: template.layers.map((layer) => ({ ...layer, targets: [] })),
  };
}
