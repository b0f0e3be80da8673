import type { PlanFeatureCollection } from '../plan/planFeature';
import { accepted, featureNotFound, rejected, type EditResult } from './editResult';

/** Deletes the selected features; undo puts each back at its place (applyMoment records it). */
export function deleteFeatures(collection: PlanFeatureCollection, featureIds: readonly string[]): EditResult {
  const ids = [...new Set(featureIds)];
  if (ids.length === 0) return rejected('没有选中要素', 'no feature is selected');
  const existing = new Set(collection.features.map((feature) => feature.id));
  const missing = ids.find((id) => !existing.has(id));
  if (missing !== undefined) return featureNotFound(missing);
  return accepted({ putFeatures: [], deleteFeatureIds: ids, note: 'delete-features' });
}
