import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentVersionOf } from '../../data/contentVersion';
import type { LayerSnapshot } from './planStore';
import { VersionHistory } from './versionHistory';

/**
 * A file whose saves go through the save sequence (docs/save-sequence.md): a layer's GeoJSON, or a
 * document of the plan such as layers.json. Its versions are kept in versions/<key>/.
 */
export interface StoredFile {
  /** A layer id, or a document's file name (layer ids have no dot, so the two never meet). */
  key: string;
  /** The live file in geodata/. */
  path: string;
  history: VersionHistory;
}

export function storedFileOf(key: string, path: string, versionsDirectory: string, keepVersions: number, contentExtension: string): StoredFile {
  return { key, path, history: new VersionHistory(join(versionsDirectory, key), keepVersions, contentExtension) };
}

/** The file as it is on disk now, or null when it is missing. */
export async function readStoredFile(file: StoredFile): Promise<LayerSnapshot | null> {
  const bytes = await readFile(file.path).catch(() => null);
  return bytes ? { bytes, version: contentVersionOf(bytes) } : null;
}
