import type pg from 'pg';
import { layerWithProjectEdits } from '../layerWithProjectEdits';

/** A pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * The bytes of a layer's kept version `sequence`: its own, or, for a version a one-row save made,
 * the nearest earlier version that holds bytes with the project saves after it put in (migration
 * 006). Null when that version is not kept.
 */
export async function keptLayerBytes(database: Queryable, key: string, sequence: number): Promise<Buffer | null> {
  const { rows } = await database.query<{ sequence: number; bytes: Buffer | null; project_id: string | null; project_text: string | null }>(
    `SELECT sequence, bytes, project_id, project_text FROM plan_version
      WHERE key = $1 AND sequence <= $2
        AND sequence >= (SELECT max(sequence) FROM plan_version WHERE key = $1 AND sequence <= $2 AND bytes IS NOT NULL)
      ORDER BY sequence`,
    [key, sequence],
  );
  const [base, ...after] = rows;
  if (!base?.bytes || (rows.at(-1)?.sequence ?? base.sequence) !== sequence) return null;
  return layerWithProjectEdits(base.bytes, after.map((row) => ({ id: row.project_id ?? '', text: row.project_text })));
}

/** The sequence of the newest kept entry of `version`, or null. */
export async function keptVersionSequence(database: Queryable, key: string, version: string): Promise<number | null> {
  const { rows } = await database.query<{ sequence: number }>('SELECT sequence FROM plan_version WHERE key = $1 AND version = $2 ORDER BY sequence DESC LIMIT 1', [key, version]);
  return rows[0]?.sequence ?? null;
}
