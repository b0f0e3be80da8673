import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import type { InsertPosition, Moment } from './moment';

export interface AppliedMoment {
  collection: PlanFeatureCollection;
  /** The moment that takes `collection` back to the input, byte for byte. */
  inverse: Moment;
}

/**
 * Applies a moment without touching its input: deletes first, then puts. A put of an existing
 * id replaces that feature where it stands; a new id goes to its `insertAt` position, or last.
 * Features the moment does not touch are shared with the input, not copied.
 *
 * Ids are assumed unique (duplicates are a validation error reported elsewhere); with a
 * duplicate, only its first occurrence is put or deleted, which keeps undo exact all the same.
 */
export function applyMoment(collection: PlanFeatureCollection, moment: Moment): AppliedMoment {
  const inverse: Moment = { putFeatures: [], deleteFeatureIds: [] };
  if (moment.note !== undefined) inverse.note = moment.note;
  // Last put of an id wins, as if the puts had been applied one after another.
  const puts = new Map<string, PlanFeature>();
  for (const feature of moment.putFeatures) puts.set(feature.id, feature);
  const deletes = new Set(moment.deleteFeatureIds);
  if (puts.size === 0 && deletes.size === 0) return { collection, inverse };

  const { kept, removed } = removeFeatures(collection.features, deletes);
  const features = kept === collection.features ? kept.slice() : kept;
  const positionById = new Map<string, number>();
  features.forEach((feature, position) => {
    if (!positionById.has(feature.id)) positionById.set(feature.id, position);
  });
  const wantedIndex = new Map((moment.insertAt ?? []).map((position) => [position.featureId, position.index]));
  const positioned: { feature: PlanFeature; index: number }[] = [];
  const appended: PlanFeature[] = [];

  for (const feature of puts.values()) {
    const position = positionById.get(feature.id);
    const old = position === undefined ? undefined : features[position];
    if (position !== undefined && old) {
      inverse.putFeatures.push(old);
      features[position] = feature;
      continue;
    }
    inverse.deleteFeatureIds.push(feature.id);
    const index = wantedIndex.get(feature.id);
    if (index === undefined) appended.push(feature);
    else positioned.push({ feature, index });
  }
  // Ascending order: each index then counts the features inserted before it, as recorded.
  positioned.sort((a, b) => a.index - b.index);
  for (const { feature, index } of positioned) features.splice(clamp(index, 0, features.length), 0, feature);
  features.push(...appended);

  if (removed.length > 0) {
    inverse.putFeatures.push(...removed.map((entry) => entry.feature));
    inverse.insertAt = removed.map((entry): InsertPosition => ({ featureId: entry.feature.id, index: entry.index }));
  }
  return { collection: { ...collection, features }, inverse };
}

/** Removes the first feature of each id; `removed` keeps their indexes in the input, ascending. */
function removeFeatures(
  features: PlanFeature[],
  ids: ReadonlySet<string>,
): { kept: PlanFeature[]; removed: { feature: PlanFeature; index: number }[] } {
  if (ids.size === 0) return { kept: features, removed: [] };
  const pending = new Set(ids);
  const kept: PlanFeature[] = [];
  const removed: { feature: PlanFeature; index: number }[] = [];
  features.forEach((feature, index) => {
    if (pending.delete(feature.id)) removed.push({ feature, index });
    else kept.push(feature);
  });
  return { kept, removed };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(Number.isInteger(value) ? value : high, low), high);
}
