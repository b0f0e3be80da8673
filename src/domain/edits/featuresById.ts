import type { PlanFeature } from '../plan/planFeature';

/** Features by id; the first of a duplicated id wins (duplicates are reported by validation). */
export function featuresById(features: readonly PlanFeature[]): Map<string, PlanFeature> {
  const byId = new Map<string, PlanFeature>();
  for (const feature of features) if (!byId.has(feature.id)) byId.set(feature.id, feature);
  return byId;
}
