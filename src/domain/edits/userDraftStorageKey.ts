/*
 * Drafts in the browser's storage belong to the editor who made them: two staff members sharing
 * one computer must not be offered each other's edits. Keys carry the user, then the layer, then
 * the browser tab that wrote the draft: two tabs of one editor must not overwrite each other's
 * unsaved edits. Every part is URI-encoded, so ":" separates parts unambiguously.
 * Drafts written before keys had a tab end in the encoded version instead (userDraftStorageKey);
 * they stay under the same prefix, so they are still listed and offered. Drafts written before
 * keys had a user (draftStorageKeyPrefix) are claimed by the next editor who opens the layer.
 */

const KEY_PREFIX = 'plan-map:user-draft:';

export function userDraftStorageKeyPrefix(user: string, layerId: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(user)}:${encodeURIComponent(layerId)}:`;
}

/** The key format before drafts had a tab: one draft per user, layer and version. */
export function userDraftStorageKey(user: string, layerId: string, baseVersion: string): string {
  return `${userDraftStorageKeyPrefix(user, layerId)}${encodeURIComponent(baseVersion)}`;
}

/** The draft one tab autosaves for the layer; "tab:" cannot be an encoded version, which has no ":". */
export function tabDraftStorageKey(user: string, layerId: string, tabId: string): string {
  return `${userDraftStorageKeyPrefix(user, layerId)}tab:${encodeURIComponent(tabId)}`;
}
