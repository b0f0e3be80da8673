/** What the page knows about a layer when the server announces one of its versions. */
export interface LayerUpdateContext {
  isEditor: boolean;
  /** The ETag of the editor's base version; undefined while the editor's copy is not loaded. */
  editorEtag: string | undefined;
  saving: boolean;
  /** The editor has unsaved edits on the layer. */
  dirty: boolean;
  /** The version a reader's map shows, when known. */
  readerVersion: string | undefined;
}

/**
 * "done": the page has this version already (or will read it anyway); "wait": a save is in
 * flight, whose answer may be this very version; "keep-edits": the user's unsaved edits stay,
 * and the save merges them with this version; "fetch": read the layer and show it.
 */
export type LayerUpdateStep = 'done' | 'wait' | 'keep-edits' | 'fetch';

/** An ETag names a version in quotes (weak ones with W/), the server's events and lists name it bare. */
export function versionOfEtag(etag: string): string {
  return etag.replace(/^W\//, '').replaceAll('"', '');
}

export function layerUpdateStep(version: string, context: LayerUpdateContext): LayerUpdateStep {
  if (!context.isEditor) return context.readerVersion === version ? 'done' : 'fetch';
  // Not loaded yet: the editor's first read of the layer brings the newest version.
  if (context.editorEtag === undefined || versionOfEtag(context.editorEtag) === version) return 'done';
  if (context.saving) return 'wait';
  return context.dirty ? 'keep-edits' : 'fetch';
}
