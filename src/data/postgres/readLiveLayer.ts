import { layerWithProjectEdits } from '../layerWithProjectEdits';
import { keptLayerBytes, keptVersionSequence, type Queryable } from './keptLayerBytes';

export interface LiveLayer {
  bytes: Buffer;
  version: string;
}

/**
 * The live layer's bytes and version. After one-row saves plan_layer.bytes lags the rows, holding
 * the version bytes_version names: the bytes are then rebuilt, from them with the project saves
 * after that version put in (or, when that version's entry is pruned, from the kept versions),
 * and written back to plan_layer, so the next read is a plain one. The write-back is conditional
 * on the version still being live, and skipped while a save holds the layer (SKIP LOCKED): a
 * reader never waits for a save, and that save changes the version anyway.
 */
export async function readLiveLayer(database: Queryable, layerId: string): Promise<LiveLayer | null> {
  const { rows } = await database.query<{ version: string; bytes: Buffer; bytes_version: string | null }>('SELECT version, bytes, bytes_version FROM plan_layer WHERE id = $1', [layerId]);
  const row = rows[0];
  if (!row) return null;
  if (row.bytes_version === null) return { bytes: row.bytes, version: row.version };
  const live = await keptVersionSequence(database, layerId, row.version);
  const held = await keptVersionSequence(database, layerId, row.bytes_version);
  const bytes = live === null ? null : held === null ? await keptLayerBytes(database, layerId, live) : layerWithProjectEdits(row.bytes, await editsBetween(database, layerId, held, live));
  if (live === null || !bytes) throw new Error(`layer ${layerId}: version ${row.version} is live but cannot be rebuilt from its kept versions`);
  await database.query(
    `WITH sized AS (UPDATE plan_version SET size_bytes = $5 WHERE key = $1 AND sequence = $4)
     UPDATE plan_layer SET bytes = $3, bytes_version = NULL
      WHERE id = (SELECT id FROM plan_layer WHERE id = $1 AND version = $2 FOR UPDATE SKIP LOCKED)`,
    [layerId, row.version, bytes, live, bytes.byteLength],
  );
  return { bytes, version: row.version };
}

/** The project saves after version `from` up to `to` (sequences), in order. */
async function editsBetween(database: Queryable, key: string, from: number, to: number): Promise<{ id: string; text: string | null }[]> {
  const { rows } = await database.query<{ project_id: string | null; project_text: string | null }>(
    'SELECT project_id, project_text FROM plan_version WHERE key = $1 AND sequence > $2 AND sequence <= $3 ORDER BY sequence',
    [key, from, to],
  );
  return rows.map((row) => ({ id: row.project_id ?? '', text: row.project_text }));
}
