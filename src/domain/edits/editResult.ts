import type { LocalizedText } from '../plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import type { Moment } from './moment';

/**
 * What an edit builder returns: the moment to apply, or why not, in both UI languages.
 * Data rather than exceptions, as Terra Draw's validations return `{ valid, reason }`, so a
 * refused edit never loses what the user had (geojson.io #468).
 */
export type EditResult = { ok: true; moment: Moment } | { ok: false; reason: LocalizedText };

export function accepted(moment: Moment): EditResult {
  return { ok: true, moment };
}

/** A valid edit that changes nothing (a form saved as it was). */
export function emptyEdit(note: string): EditResult {
  return { ok: true, moment: { putFeatures: [], deleteFeatureIds: [], note } };
}

export function rejected(zh: string, en: string): EditResult {
  return { ok: false, reason: { zh, en } };
}

/** The first feature with this id, and where it stands. */
export function findFeature(collection: PlanFeatureCollection, featureId: string): { feature: PlanFeature; index: number } | undefined {
  const index = collection.features.findIndex((feature) => feature.id === featureId);
  const feature = collection.features[index];
  return feature ? { feature, index } : undefined;
}

export function featureNotFound(featureId: string): EditResult {
  return rejected(`找不到要素 "${featureId}"（可能已被删除）`, `there is no feature "${featureId}" (it may have been deleted)`);
}
