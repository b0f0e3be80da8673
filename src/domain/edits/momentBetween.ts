import { jsonEqual } from '../changes/layerDiff';
import type { PlanFeatureCollection } from '../plan/planFeature';
import type { Moment } from './moment';
import { featuresById } from './featuresById';

/**
 * The one moment that turns `before` into `after`: puts for added and changed features (in
 * the order of `after`, added ones with their position), deletes for removed ones. This is
 * what a draft stores and what a save sends, however many steps the user took. A reordering
 * of surviving features is not a change (the file store keys features by id).
 */
export function momentBetween(before: PlanFeatureCollection, after: PlanFeatureCollection, note?: string): Moment {
  const beforeById = featuresById(before.features);
  const afterById = featuresById(after.features);
  const moment: Moment = { putFeatures: [], deleteFeatureIds: [] };
  if (note !== undefined) moment.note = note;
  after.features.forEach((feature, index) => {
    if (afterById.get(feature.id) !== feature) return;
    const old = beforeById.get(feature.id);
    if (old === undefined) {
      moment.putFeatures.push(feature);
      (moment.insertAt ??= []).push({ featureId: feature.id, index });
    } else if (old !== feature && !jsonEqual(old, feature)) moment.putFeatures.push(feature);
  });
  for (const [id] of beforeById) if (!afterById.has(id)) moment.deleteFeatureIds.push(id);
  return moment;
}
