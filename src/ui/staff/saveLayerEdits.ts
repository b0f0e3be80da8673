import { draftOf } from '../../domain/edits/draft';
import { rebaseDraft, type RebasedDraft } from '../../domain/edits/rebaseDraft';
import { featureCollectionText } from '../../data/featureCollectionText';
import { parseEditableLayer } from './parseEditableLayer';
import type { PlanMapApi, SaveResult } from '../../data/planMapApi';
import type { LayerEdits } from './editingReducer';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';

export type SaveOutcome =
  | { kind: 'saved'; collection: PlanFeatureCollection; etag: string }
  | { kind: 'rebased'; server: PlanFeatureCollection; etag: string; rebased: RebasedDraft }
  | Exclude<SaveResult, { kind: 'saved' } | { kind: 'stale' }>;

/** Fetches the server's version of the layer and re-applies the user's edits on it. */
export async function rebaseOnServer(api: PlanMapApi, layerId: string, edits: LayerEdits): Promise<SaveOutcome> {
  const { text, etag } = await api.getLayer(layerId);
  const server = parseEditableLayer(text, layerId);
  const draft = draftOf(layerId, edits.etag, edits.base, edits.working, new Date().toISOString());
  return { kind: 'rebased', server, etag, rebased: rebaseDraft(edits.base, server, draft) };
}

/**
 * One conditional save of the working copy. A stale version is not an error to show but a
 * rebase to do: the caller applies clean rebases and saves again, or asks about conflicts.
 */
export async function saveLayerEdits(api: PlanMapApi, layerId: string, edits: LayerEdits, csrfToken: string, confirmExtent?: string): Promise<SaveOutcome> {
  const sent = edits.working;
  const result = await api.putLayer(layerId, featureCollectionText(sent.features), edits.etag, csrfToken, confirmExtent);
  if (result.kind === 'saved') return { kind: 'saved', collection: sent, etag: result.etag };
  if (result.kind === 'stale') return rebaseOnServer(api, layerId, edits);
  return result;
}
