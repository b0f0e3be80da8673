import type { LocalizedText } from '../plan/localizedText';

/** One change between two versions of a document of the plan (layers.json), in words, for the history. */
export interface DocumentChange {
  /** JSON pointer of what changed, in the new version (the old one for a removal). */
  path: string;
  text: LocalizedText;
}
