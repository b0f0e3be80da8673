import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { layerTileArchiveFile } from '../layerTileArchiveFile';
import type { PlanDatabase } from './planDatabase';
import { layerTileArchive } from './layerTileArchive';

export interface WrittenArchive {
  layer: string;
  file: string;
  tiles: number;
  bytes: number;
  revision: number;
}

/**
 * Each layer of `tiledFrom` projects or more as a PMTiles archive of its tiles in `directory`
 * (layerTileArchiveFile), written to a temporary name and renamed, so a server reading the folder
 * never sees half an archive.
 */
export async function writeLayerTileArchives(database: PlanDatabase, directory: string, tiledFrom: number): Promise<WrittenArchive[]> {
  const { rows } = await database.pool.query<{ id: string; count: number | null }>('SELECT id, feature_count AS count FROM plan_layer ORDER BY id');
  const written: WrittenArchive[] = [];
  for (const { id } of rows) {
    const counted = await database.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM plan_feature WHERE layer = $1', [id]);
    if ((counted.rows[0]?.count ?? 0) < tiledFrom) continue;
    const archive = await layerTileArchive(database.pool, id);
    if (!archive) continue;
    const file = layerTileArchiveFile(id);
    const target = join(directory, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(`${target}.partial`, archive.bytes);
    await rename(`${target}.partial`, target);
    written.push({ layer: id, file, tiles: archive.tiles, bytes: archive.bytes.byteLength, revision: archive.revision });
  }
  return written;
}
