import { asDraft, draftStorageKeyPrefix, type Draft } from '../../domain/edits/draft';
import { userDraftStorageKey, userDraftStorageKeyPrefix } from '../../domain/edits/userDraftStorageKey';

/** Storage can be full, disabled or blocked (private mode): drafts are a safety net, never a reason to fail an edit. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function keysWithPrefix(store: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function parseDraft(store: Storage, key: string, layerId: string): Draft | undefined {
  try {
    const draft = asDraft(JSON.parse(store.getItem(key) ?? 'null'));
    return draft && draft.layerId === layerId && draft.moments.length > 0 ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Drafts kept before keys had a user become `user`'s: moved, so nobody else is offered them again. */
function claimUnownedDrafts(store: Storage, user: string, layerId: string): void {
  for (const key of keysWithPrefix(store, draftStorageKeyPrefix(layerId))) {
    const draft = parseDraft(store, key, layerId);
    try {
      if (draft) store.setItem(userDraftStorageKey(user, layerId, draft.baseVersion), JSON.stringify(draft));
      store.removeItem(key);
    } catch {
      // Quota exceeded: leave the old key; it is read again next time.
    }
  }
}

/** Every draft `user` kept for the layer, whatever version it was made on. */
export function readDrafts(user: string, layerId: string): Draft[] {
  const store = storage();
  if (!store) return [];
  claimUnownedDrafts(store, user, layerId);
  return keysWithPrefix(store, userDraftStorageKeyPrefix(user, layerId)).flatMap((key) => parseDraft(store, key, layerId) ?? []);
}

/** Keeps only this draft of `user` for the layer: one on an older version would offer edits already carried over. */
export function writeDraft(user: string, draft: Draft): void {
  const store = storage();
  if (!store) return;
  const key = userDraftStorageKey(user, draft.layerId, draft.baseVersion);
  for (const old of keysWithPrefix(store, userDraftStorageKeyPrefix(user, draft.layerId))) if (old !== key) store.removeItem(old);
  try {
    store.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded: the edits are still in memory and the page warns before it is left.
  }
}

export function removeDrafts(user: string, layerId: string): void {
  const store = storage();
  if (!store) return;
  for (const key of keysWithPrefix(store, userDraftStorageKeyPrefix(user, layerId))) store.removeItem(key);
}
