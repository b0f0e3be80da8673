import type { Queryable } from './keptLayerBytes';

/**
 * Drops a key's versions older than its newest `keep`, except the newest one with bytes at or
 * before the oldest kept: the versions one-row saves made are rebuilt from it (keptLayerBytes).
 * Such a base stays readable by its version but is not listed (listed: the newest `keep`).
 */
export async function pruneVersions(database: Queryable, key: string, keep: number): Promise<void> {
  await database.query(
    `DELETE FROM plan_version WHERE key = $1 AND sequence < (
       SELECT max(sequence) FROM plan_version WHERE key = $1 AND bytes IS NOT NULL AND sequence <= (
         SELECT min(sequence) FROM (SELECT sequence FROM plan_version WHERE key = $1 ORDER BY sequence DESC LIMIT $2) AS listed))`,
    [key, keep],
  );
}
