import type pg from 'pg';
import type { StatusGroup } from '../../domain/progress/statusGroups';

/*
 * The status on a day by statusAsOf's rule, in SQL as in the tiles: the newest history entry
 * dated on or before the day (by calendar day, the later entry on a tie), the current status
 * without history, none (the project left out) before its first entry. Entries without a
 * readable date never count, as in statusCodesAsOf. $2 null: the current status.
 */
const GROUPS_SQL = `
SELECT status, street, count(*)::int AS features, sum(area) AS area, sum(length) AS length
  FROM (
    SELECT CASE
             WHEN $2::int IS NULL OR jsonb_typeof(f.properties -> 'history') IS DISTINCT FROM 'array' OR jsonb_array_length(f.properties -> 'history') = 0
               THEN f.properties ->> 'status'
             ELSE (SELECT entry ->> 'status'
                     FROM jsonb_array_elements(f.properties -> 'history') WITH ORDINALITY AS item(entry, position)
                    WHERE entry ->> 'date' ~ '^\\d{4}-\\d{2}-\\d{2}' AND replace(left(entry ->> 'date', 10), '-', '')::int <= $2::int
                    ORDER BY left(entry ->> 'date', 10) DESC, position DESC
                    LIMIT 1)
           END AS status,
           coalesce(f.properties ->> 'street', '') AS street,
           coalesce(f.area_square_meters, 0) AS area,
           coalesce(f.length_meters, 0) AS length
      FROM plan_feature f
     WHERE f.layer = $1
  ) AS dated
 WHERE status IS NOT NULL
 GROUP BY status, street
 ORDER BY status, street`;

/** The layer's projects summed by status on `day` (YYYYMMDD as dayKey gives it; null: today's status) and sub-district. */
export async function queryStatusGroups(pool: pg.Pool, layerId: string, day: number | null): Promise<StatusGroup[]> {
  const { rows } = await pool.query<{ status: string; street: string; features: number; area: number; length: number }>(GROUPS_SQL, [layerId, day]);
  return rows.map((row) => ({ status: row.status, street: row.street, features: row.features, areaSquareMeters: Number(row.area), lengthMeters: Number(row.length) }));
}
