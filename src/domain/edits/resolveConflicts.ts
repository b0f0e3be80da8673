import type { LocalizedText } from '../plan/manifest';
import type { PlanFeatureCollection } from '../plan/planFeature';
import { applyMoment } from './applyMoment';
import type { Moment } from './moment';
import { momentBetween } from './momentBetween';
import type { RebasedDraft } from './rebaseDraft';

/** 'merged' is offered only for conflicts whose two edits could be combined (DraftConflict.merged). */
export type ConflictChoice = 'ours' | 'theirs' | 'merged';

export type ResolvedDraft =
  | {
      ok: true;
      /** What to save, against the version of `rebased.server`. */
      collection: PlanFeatureCollection;
      /** The same as a moment from the server's collection: what the save changes. */
      moment: Moment;
    }
  | { ok: false; reason: LocalizedText; unresolvedIds: string[] };

/**
 * Finishes a rebase with the user's choice per conflicted feature. Every conflict needs a
 * choice: defaulting to either side would drop someone's edit without them deciding.
 * Choosing ours for a feature the server deleted brings it back, at the end of the layer.
 */
export function resolveConflicts(rebased: RebasedDraft, choices: Readonly<Record<string, ConflictChoice>>): ResolvedDraft {
  const moment: Moment = { putFeatures: [], deleteFeatureIds: [], note: 'resolve-conflicts' };
  const unresolvedIds: string[] = [];
  for (const conflict of rebased.conflicts) {
    const choice = Object.hasOwn(choices, conflict.featureId) ? choices[conflict.featureId] : undefined;
    if (choice === 'theirs') continue;
    if (choice === 'merged' && conflict.merged) moment.putFeatures.push(conflict.merged);
    else if (choice === 'ours' && conflict.ours) moment.putFeatures.push(conflict.ours);
    else if (choice === 'ours') moment.deleteFeatureIds.push(conflict.featureId);
    else unresolvedIds.push(conflict.featureId);
  }
  if (unresolvedIds.length > 0) {
    const list = unresolvedIds.join(', ');
    return {
      ok: false,
      reason: { zh: `以下要素尚未选择保留哪一版：${list}`, en: `choose which version to keep for: ${list}` },
      unresolvedIds,
    };
  }
  const collection = applyMoment(rebased.merged, moment).collection;
  return { ok: true, collection, moment: momentBetween(rebased.server, collection, 'save') };
}
