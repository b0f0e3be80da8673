import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { layerFileName } from '../layerFileName';
import type { PlanDatabase } from './planDatabase';
import { readLiveLayer } from './readLiveLayer';

export class DistrictExportError extends Error {}

/**
 * Writes the district's schema out as a geodata folder: each file with the bytes it holds, so a
 * folder imported and exported again is the same folder, byte for byte (PMTiles aside, which
 * never went in). The folder must be new or empty: nothing already there is overwritten.
 */
export async function exportDistrict(database: PlanDatabase, directory: string): Promise<{ files: number }> {
  const existing = await readdir(directory).catch(() => [] as string[]);
  if (existing.length > 0) throw new DistrictExportError(`${directory} 不是空目录，未导出 / ${directory} is not empty; nothing was exported`);
  const { rows } = await database.pool.query<{ path: string; bytes: Buffer; kind: string; lagging: boolean }>(
    `SELECT id AS path, bytes, 'layer' AS kind, bytes_version IS NOT NULL AS lagging FROM plan_layer
     UNION ALL SELECT name, bytes, 'document', false FROM plan_document
     UNION ALL SELECT path, bytes, 'file', false FROM district_file`,
  );
  if (rows.length === 0) throw new DistrictExportError(`数据库模式 ${database.schema} 没有数据 / schema ${database.schema} holds no district`);
  const root = resolve(directory);
  for (const row of rows) {
    const relativePath = row.kind === 'layer' ? layerFileName(row.path) : row.path;
    const target = resolve(root, relativePath);
    // Paths came from a folder's file names at import; still, none may leave the target folder.
    if (!target.startsWith(root + sep)) throw new DistrictExportError(`unsafe path in the database: ${relativePath}`);
    await mkdir(dirname(target), { recursive: true });
    // A layer saved a project at a time is written as the file store holds it after the same saves.
    const bytes = row.lagging ? ((await readLiveLayer(database.pool, row.path))?.bytes ?? row.bytes) : row.bytes;
    await writeFile(target, bytes, { flag: 'wx' });
  }
  return { files: rows.length };
}
