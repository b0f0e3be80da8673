import { asDraft, draftStorageKey, draftStorageKeyPrefix, type Draft } from '../../domain/edits/draft';

/** Storage can be full, disabled or blocked (private mode): drafts are a safety net, never a reason to fail an edit. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function keysOf(layerId: string): string[] {
  const store = storage();
  if (!store) return [];
  const prefix = draftStorageKeyPrefix(layerId);
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Every draft kept for the layer, whatever version it was made on. */
export function readDrafts(layerId: string): Draft[] {
  const store = storage();
  if (!store) return [];
  return keysOf(layerId).flatMap((key) => {
    try {
      const draft = asDraft(JSON.parse(store.getItem(key) ?? 'null'));
      return draft && draft.layerId === layerId && draft.moments.length > 0 ? [draft] : [];
    } catch {
      return [];
    }
  });
}

/** Keeps only this draft for the layer: one on an older version would offer edits already carried over. */
export function writeDraft(draft: Draft): void {
  const store = storage();
  if (!store) return;
  const key = draftStorageKey(draft.layerId, draft.baseVersion);
  for (const old of keysOf(draft.layerId)) if (old !== key) store.removeItem(old);
  try {
    store.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded: the edits are still in memory and the page warns before it is left.
  }
}

export function removeDrafts(layerId: string): void {
  const store = storage();
  for (const key of keysOf(layerId)) store?.removeItem(key);
}
