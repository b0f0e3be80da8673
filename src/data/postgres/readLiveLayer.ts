import { keptLayerBytes, keptVersionSequence, type Queryable } from './keptLayerBytes';

export interface LiveLayer {
  bytes: Buffer;
  version: string;
}

/**
 * The live layer's bytes and version. After one-row saves plan_layer.bytes lags the rows (its
 * bytes_version names what it holds): the bytes are then rebuilt from the kept versions, and
 * written back to plan_layer and to the live version's entry, so the next read is a plain one and
 * the project saves before it need not be applied again. The write-back is conditional on the
 * version still being live, and skipped while a save holds the layer (SKIP LOCKED): a reader
 * never waits for a save, and that save changes the version anyway.
 */
export async function readLiveLayer(database: Queryable, layerId: string): Promise<LiveLayer | null> {
  const { rows } = await database.query<{ version: string; bytes: Buffer | null }>(
    'SELECT version, CASE WHEN bytes_version IS NULL THEN bytes END AS bytes FROM plan_layer WHERE id = $1',
    [layerId],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.bytes) return { bytes: row.bytes, version: row.version };
  const sequence = await keptVersionSequence(database, layerId, row.version);
  const bytes = sequence === null ? null : await keptLayerBytes(database, layerId, sequence);
  if (sequence === null || !bytes) throw new Error(`layer ${layerId}: version ${row.version} is live but cannot be rebuilt from its kept versions`);
  await database.query(
    `WITH filled AS (UPDATE plan_version SET bytes = $3, size_bytes = $5 WHERE key = $1 AND sequence = $4 AND bytes IS NULL)
     UPDATE plan_layer SET bytes = $3, bytes_version = NULL
      WHERE id = (SELECT id FROM plan_layer WHERE id = $1 AND version = $2 FOR UPDATE SKIP LOCKED)`,
    [layerId, row.version, bytes, sequence, bytes.byteLength],
  );
  return { bytes, version: row.version };
}
