import { useEffect, useRef } from 'react';
import { draftOf } from '../../domain/edits/draft';
import type { EditingState, LayerEdits } from './editingReducer';
import { removeTabDraft, writeDraft } from './draftStorage';

/**
 * Writes each changed layer's draft to this tab's key after every edit, and clears it once the
 * layer is saved or undone back to its base. Layers only just loaded are left alone: the drafts
 * found in storage wait for the user's restore or discard.
 */
export function useDraftAutosave(user: string, state: EditingState, isDirty: (edits: LayerEdits) => boolean): void {
  const previous = useRef(state.layers);
  useEffect(() => {
    const before = previous.current;
    previous.current = state.layers;
    for (const [layerId, edits] of Object.entries(state.layers)) {
      const old = before[layerId];
      if (!old || old === edits) continue;
      if (isDirty(edits)) writeDraft(user, draftOf(layerId, edits.etag, edits.base, edits.working, new Date().toISOString()));
      else removeTabDraft(user, layerId);
    }
  }, [user, state.layers, isDirty]);
}
