/*
 * Drafts in the browser's storage belong to the editor who made them: two staff members sharing
 * one computer must not be offered each other's edits. Keys carry the user, then the layer and
 * the version (F7). Every part is URI-encoded, so ":" separates parts unambiguously. Drafts
 * written before keys had a user (draftStorageKeyPrefix) are claimed by the next editor who
 * opens the layer on this browser.
 */

const KEY_PREFIX = 'plan-map:user-draft:';

export function userDraftStorageKeyPrefix(user: string, layerId: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(user)}:${encodeURIComponent(layerId)}:`;
}

export function userDraftStorageKey(user: string, layerId: string, baseVersion: string): string {
  return `${userDraftStorageKeyPrefix(user, layerId)}${encodeURIComponent(baseVersion)}`;
}
