import type { LayerDiff } from '../../domain/changes/layerDiff';

/** Why an import cannot be previewed or saved yet; each has a message next to the disabled buttons. */
export type ImportBlockReason = 'checking' | 'unreadable' | 'mapping' | 'problems' | 'unchanged';

export interface ImportBlockInput {
  /** The worker is reading or checking. */
  busy: boolean;
  /** The file's features could be read for this layer. */
  hasFeatures: boolean;
  /** The file lacks plan fields (CheckedImport.needsMapping). */
  needsMapping: boolean;
  /** The check shown ran with a field mapping (CheckedImport.mapped). */
  mappingApplied: boolean;
  problemCount: number;
  /** Only the valid features are imported, so problems of the others do not block. */
  validOnly: boolean;
  diff: Pick<LayerDiff, 'added' | 'removed' | 'changed'> | undefined;
}

/**
 * The first reason the import panel refuses a preview and a save, or null when both may go on.
 * A file without plan fields is blocked until its mapping is applied: before that its features
 * carry placeholder ids ("#1") that must never reach the working copy.
 */
export function importBlockReason(input: ImportBlockInput): ImportBlockReason | null {
  if (input.busy) return 'checking';
  if (!input.hasFeatures) return 'unreadable';
  if (input.needsMapping && !input.mappingApplied) return 'mapping';
  if (!input.validOnly && input.problemCount > 0) return 'problems';
  const diff = input.diff;
  if (diff && diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0) return 'unchanged';
  return null;
}
