import type { PlanFeature } from '../plan/planFeature';

/**
 * Where a feature that a moment brings back should sit in the collection. Only inverses carry
 * these: undoing a delete must put the feature back where it was, not at the end, or an
 * undo-all would not give back the byte-identical file (docs/input-rules.md, F6).
 */
export interface InsertPosition {
  featureId: string;
  /** Index in the collection once every feature of the moment is in place. */
  index: number;
}

/**
 * One step of editing, as data: features to put (replace by id, or add) and ids to delete.
 * Applying a moment returns its inverse, so undo is free (Placemark's Moment, see
 * placemark/placemark app/lib/persistence/moment.ts). Moments are plain JSON, so a draft can
 * store them as they are.
 */
export interface Moment {
  putFeatures: PlanFeature[];
  deleteFeatureIds: string[];
  /** What the user did, for the undo button's tooltip. */
  note?: string;
  /** Positions for put features that are not in the collection yet; the rest are appended. */
  insertAt?: InsertPosition[];
}

/** True when applying the moment changes nothing. History never records these. */
export function isEmptyMoment(moment: Moment): boolean {
  return moment.putFeatures.length === 0 && moment.deleteFeatureIds.length === 0;
}
