import type { PlanFeatureCollection } from '../plan/planFeature';
import { momentBetween } from './momentBetween';
import type { Moment } from './moment';
import { isRecord } from '../isRecord';

/**
 * Unsaved edits of one layer, kept by the browser so a reload or a crashed tab loses nothing
 * (docs/input-rules.md, F7). The moments are relative to the layer as it was at `baseVersion`; when the
 * server has moved on, rebaseDraft re-applies them and names the conflicts.
 */
export interface Draft {
  layerId: string;
  /** The server version (ETag) the edits started from. */
  baseVersion: string;
  /** ISO 8601 date-time of the last autosave. */
  savedAt: string;
  moments: Moment[];
}

const KEY_PREFIX = 'plan-map:draft:';

/**
 * Storage key of a draft, per layer and version (docs/input-rules.md, F7), as drafts
 * were written before they had an owner; they are now read once and moved to
 * userDraftStorageKey (src/ui/staff/draftStorage). Parts are
 * URI-encoded because ETags carry quotes and colons. A draft for an older version is found
 * again through draftStorageKeyPrefix, since after a reload the page knows only the new version.
 */
export function draftStorageKey(layerId: string, baseVersion: string): string {
  return `${draftStorageKeyPrefix(layerId)}${encodeURIComponent(baseVersion)}`;
}

export function draftStorageKeyPrefix(layerId: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(layerId)}:`;
}

/**
 * The draft of everything between `base` and `current`, as one moment: compact, and
 * independent of how far the undo stack reaches.
 */
export function draftOf(layerId: string, baseVersion: string, base: PlanFeatureCollection, current: PlanFeatureCollection, savedAt: string): Draft {
  return { layerId, baseVersion, savedAt, moments: [momentBetween(base, current, 'draft')] };
}

/** A stored value read back from storage: a Draft in shape, or undefined (another app's key, an older format). */
export function asDraft(value: unknown): Draft | undefined {
  if (!isRecord(value)) return undefined;
  const { layerId, baseVersion, savedAt, moments } = value;
  if (typeof layerId !== 'string' || typeof baseVersion !== 'string' || typeof savedAt !== 'string' || !Array.isArray(moments)) return undefined;
  const valid = moments.every(
    (moment: unknown) =>
      isRecord(moment) &&
      Array.isArray(moment.putFeatures) &&
      moment.putFeatures.every((feature: unknown) => isRecord(feature) && typeof feature.id === 'string' && isRecord(feature.properties)) &&
      Array.isArray(moment.deleteFeatureIds) &&
      moment.deleteFeatureIds.every((id: unknown) => typeof id === 'string'),
  );
  return valid ? (value as unknown as Draft) : undefined;
}

