import { directoryGeodataReader, type GeodataReader } from '../geodataReader';
import { isDocumentFile } from '../storedDocuments';
import type { PlanDatabase } from './planDatabase';
import { readLiveLayer } from './readLiveLayer';

const LAYER_FILE = /^([a-z][a-z0-9-]*)\.geojson$/;

/**
 * The district as the database holds it: layers from plan_layer, the plan's documents from
 * plan_document, its other files (control lines, boundary, tour) from district_file; a file none
 * of them holds is read from the folder (the PMTiles basemap every app server has on disk).
 */
export function postgresGeodataReader(database: PlanDatabase, directory: string): GeodataReader {
  const disk = directoryGeodataReader(directory);
  const lookup = async (path: string, column: 'bytes' | 'version'): Promise<Buffer | string | null | undefined> => {
    const layer = LAYER_FILE.exec(path)?.[1];
    // A layer's bytes may lag its rows after one-row saves: read as the store reads it.
    const live = layer && column === 'bytes' ? await readLiveLayer(database.pool, layer) : null;
    if (live) return live.bytes;
    const { rows } = await database.pool.query<{ found: Buffer | string }>(
      `SELECT ${column} AS found FROM plan_layer WHERE id = $1
       UNION ALL SELECT ${column} FROM plan_document WHERE name = $2
       UNION ALL SELECT ${column} FROM district_file WHERE path = $2
       LIMIT 1`,
      [layer ?? '', path],
    );
    if (rows[0]) return rows[0].found;
    // The plan's documents live in the database only; a missing one is missing, not looked for on disk.
    return isDocumentFile(path) ? null : undefined;
  };
  return {
    directory,
    read: async (path) => {
      const found = await lookup(path, 'bytes');
      return found === undefined ? disk.read(path) : (found as Buffer | null);
    },
    changeKey: async (path) => {
      const found = await lookup(path, 'version');
      return found === undefined ? disk.changeKey(path) : found === null ? null : `db:${String(found)}`;
    },
  };
}
