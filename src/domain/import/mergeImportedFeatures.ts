import type { PlanFeatureCollection } from '../plan/planFeature';

/**
 * The layer after adding an import to it rather than replacing it: a feature whose id is already
 * in the layer takes its place there, the others are appended in the file's order.
 */
export function mergeImportedFeatures(current: PlanFeatureCollection, imported: PlanFeatureCollection): PlanFeatureCollection {
  const incoming = new Map(imported.features.map((feature) => [feature.id, feature]));
  const features = current.features.map((feature) => {
    const replacement = incoming.get(feature.id);
    if (!replacement) return feature;
    incoming.delete(feature.id);
    return replacement;
  });
  features.push(...incoming.values());
  return { ...current, features };
}
