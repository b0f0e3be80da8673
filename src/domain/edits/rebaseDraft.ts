import { jsonEqual } from '../changes/layerDiff';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import { applyMoment } from './applyMoment';
import type { Draft } from './draft';
import { mergeFeatureChanges } from './mergeFeatureChanges';
import type { Moment } from './moment';
import { momentBetween } from './momentBetween';
import { nextFeatureId } from './nextFeatureId';
import { featuresById } from './featuresById';

export type ConflictKind = 'both-changed' | 'deleted-on-server' | 'changed-on-server-deleted-locally';

/** One feature both the user and the server changed since the draft's base; null means deleted. */
export interface DraftConflict {
  featureId: string;
  kind: ConflictKind;
  base: PlanFeature | null;
  ours: PlanFeature | null;
  theirs: PlanFeature | null;
  /** Both edits combined, when they touched different parts (mergeFeatureChanges). */
  merged?: PlanFeature;
}

export interface RebasedDraft {
  /** The server's collection the draft was rebased onto; a save goes against its version. */
  server: PlanFeatureCollection;
  /** The server's collection with every change of the draft that does not conflict; conflicted features as the server has them. */
  merged: PlanFeatureCollection;
  conflicts: DraftConflict[];
  /** Features the user added under an id the server has since given to another feature, and their new ids. */
  renamedIds: { from: string; to: string }[];
  /** Ids whose local change went in cleanly. */
  appliedIds: string[];
}

/**
 * Re-applies a draft made on `base` on top of `server` (docs/input-rules.md, F2 and F7). The user's edits
 * are compared with the server's feature by feature, by their net effect: a feature edited and
 * then edited back is no change, and one moment touching a conflicted and a clean feature still
 * brings in the clean one. Nothing is overwritten silently; nothing the user did is dropped:
 * it is applied, or it is a conflict that keeps both versions.
 */
export function rebaseDraft(base: PlanFeatureCollection, server: PlanFeatureCollection, draft: Draft): RebasedDraft {
  const ours = draft.moments.reduce((collection, moment) => applyMoment(collection, moment).collection, base);
  const local = momentBetween(base, ours);
  const baseById = featuresById(base.features);
  const serverById = featuresById(server.features);
  const clean: Moment = { putFeatures: [], deleteFeatureIds: [], note: 'rebase' };
  const conflicts: DraftConflict[] = [];
  const renamedIds: { from: string; to: string }[] = [];
  const appliedIds: string[] = [];
  const newIds = new Set<string>();
  const localIds = local.putFeatures.map((feature) => feature.id);

  for (const feature of local.putFeatures) {
    const before = baseById.get(feature.id);
    const theirs = serverById.get(feature.id);
    if (before === undefined) {
      if (theirs !== undefined && jsonEqual(theirs, feature)) continue;
      // Two tabs drawing new projects both take the next id (UV-031); ours moves to a free one rather than fight over it.
      let added = feature;
      if (theirs !== undefined) {
        const to = nextFeatureId(server.features, { id: draft.layerId }, new Set([...newIds, ...localIds]));
        renamedIds.push({ from: feature.id, to });
        added = { ...feature, id: to };
      }
      newIds.add(added.id);
      clean.putFeatures.push(added);
      appliedIds.push(added.id);
    } else if (theirs === undefined) {
      conflicts.push({ featureId: feature.id, kind: 'deleted-on-server', base: before, ours: feature, theirs: null });
    } else if (jsonEqual(theirs, before)) {
      clean.putFeatures.push(feature);
      appliedIds.push(feature.id);
    } else if (!jsonEqual(theirs, feature)) {
      const conflict: DraftConflict = { featureId: feature.id, kind: 'both-changed', base: before, ours: feature, theirs };
      const merged = mergeFeatureChanges(before, feature, theirs);
      if (merged) conflict.merged = merged;
      conflicts.push(conflict);
    }
  }
  for (const id of local.deleteFeatureIds) {
    const before = baseById.get(id);
    const theirs = serverById.get(id);
    if (theirs === undefined) continue;
    if (before !== undefined && jsonEqual(theirs, before)) {
      clean.deleteFeatureIds.push(id);
      appliedIds.push(id);
    } else conflicts.push({ featureId: id, kind: 'changed-on-server-deleted-locally', base: before ?? null, ours: null, theirs });
  }
  return { server, merged: applyMoment(server, clean).collection, conflicts, renamedIds, appliedIds };
}

/**
 * Restores a draft onto the version it was made from (a reload with no save in between):
 * rebaseDraft with the server's collection as the base, so nothing can conflict.
 */
export function replayDraft(server: PlanFeatureCollection, draft: Draft): RebasedDraft {
  return rebaseDraft(server, server, draft);
}
