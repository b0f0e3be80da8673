import type { LayerVersion } from './layerVersion';

export type LayerChangeAuthor =
  | { kind: 'user'; user: string }
  /** Nothing in the app made this version: someone edited the file (QGIS, a text editor, a script). */
  | { kind: 'disk' }
  /** The version list could not be read. */
  | { kind: 'unknown' };

/**
 * Who made `version` the layer's current version. A save or a restore through the app is kept
 * as the newest version before the file is replaced, so the newest kept version names its user;
 * a file changed on disk is kept only at the next save, so a version that is not the newest one
 * came from the disk, even when an older kept version happens to have the same content.
 */
export function layerChangeAuthor(versions: readonly LayerVersion[] | null, version: string): LayerChangeAuthor {
  if (versions === null) return { kind: 'unknown' };
  const newest = versions[0];
  if (newest?.version === version && newest.user !== null && newest.summary.origin !== 'disk') return { kind: 'user', user: newest.user };
  return { kind: 'disk' };
}
