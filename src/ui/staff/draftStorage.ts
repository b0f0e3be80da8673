import { asDraft, draftStorageKeyPrefix, type Draft } from '../../domain/edits/draft';
import { tabDraftStorageKey, userDraftStorageKey, userDraftStorageKeyPrefix } from '../../domain/edits/userDraftStorageKey';

/** A draft found in storage, with the key it is kept under so restore or discard acts on that one alone. */
export interface DraftOffer {
  key: string;
  draft: Draft;
}

/** Storage can be full, disabled or blocked (private mode): drafts are a safety net, never a reason to fail an edit. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const TAB_ID_KEY = 'plan-map:tab-id';
let fallbackTabId: string | undefined;

function newTabId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * This tab's id: kept in sessionStorage, which survives a reload of the tab but is not shared
 * with a new tab, so each tab autosaves under its own key.
 */
export function currentTabId(): string {
  try {
    const session = window.sessionStorage;
    const stored = session.getItem(TAB_ID_KEY);
    if (stored) return stored;
    const id = fallbackTabId ?? newTabId();
    session.setItem(TAB_ID_KEY, id);
    return id;
  } catch {
    fallbackTabId ??= newTabId();
    return fallbackTabId;
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

function move(store: Storage, from: string, to: string, draft: Draft): void {
  try {
    store.setItem(to, JSON.stringify(draft));
    store.removeItem(from);
  } catch {
    // Quota exceeded: leave the old key; it is read again next time.
  }
}

/** Drafts kept before keys had a user become `user`'s: moved, so nobody else is offered them again. */
function claimUnownedDrafts(store: Storage, user: string, layerId: string): void {
  for (const key of keysWithPrefix(store, draftStorageKeyPrefix(layerId))) {
    const draft = parseDraft(store, key, layerId);
    if (draft) move(store, key, userDraftStorageKey(user, layerId, draft.baseVersion), draft);
    else store.removeItem(key);
  }
}

/**
 * Every draft `user` kept for the layer, from any tab (closed or crashed ones included) and
 * whatever version it was made on, newest first. This tab's own draft from before a reload is
 * moved to a key of its own first: the tab's next autosave would otherwise overwrite it before
 * the user chose to restore it (also after a sign-out and sign-in, which empties the editor).
 * Called when a layer is loaded into an empty editor, so no edits of this page are under that key.
 */
export function readDrafts(user: string, layerId: string): DraftOffer[] {
  const store = storage();
  if (!store) return [];
  claimUnownedDrafts(store, user, layerId);
  const ownKey = tabDraftStorageKey(user, layerId, currentTabId());
  const own = parseDraft(store, ownKey, layerId);
  if (own) move(store, ownKey, tabDraftStorageKey(user, layerId, newTabId()), own);
  return keysWithPrefix(store, userDraftStorageKeyPrefix(user, layerId))
    .filter((key) => key !== ownKey)
    .flatMap((key) => {
      const draft = parseDraft(store, key, layerId);
      return draft ? [{ key, draft }] : [];
    })
    .sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

/** Autosaves this tab's draft of the layer; other tabs' drafts are theirs and left alone. */
export function writeDraft(user: string, draft: Draft): void {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(tabDraftStorageKey(user, draft.layerId, currentTabId()), JSON.stringify(draft));
  } catch {
    // Quota exceeded: the edits are still in memory and the page warns before it is left.
  }
}

/** Forgets this tab's draft of the layer (saved, or undone back to the base). */
export function removeTabDraft(user: string, layerId: string): void {
  storage()?.removeItem(tabDraftStorageKey(user, layerId, currentTabId()));
}

/** Forgets one offered draft: discarded, or restored into this tab's own draft. */
export function removeDraft(key: string): void {
  storage()?.removeItem(key);
}
