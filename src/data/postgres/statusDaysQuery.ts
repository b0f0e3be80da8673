import type pg from 'pg';
import { targetGroupOfRow, type StatusSumRow } from './targetGroupOfRow';
import type { DayGroup } from '../../domain/progress/targetSeriesFromDays';

/*
 * The layer's status changes summed per day, as plan_status_day keeps them (migration 005): a
 * few thousand rows at any size, from which the page draws each target's progress over time
 * (targetSeriesFromDays). Rounded once from the exact sums.
 */
const DAYS_SQL = `SELECT day, status, street, facet, features::int AS features, area::float8 AS area, length::float8 AS length,
       coalesce(sums, '{}')::float8[] AS sums, (SELECT sum_properties FROM plan_status_facet WHERE layer = $1) AS summed
  FROM plan_status_day WHERE layer = $1
 ORDER BY day, status, street`;

interface DayRow extends StatusSumRow {
  day: number;
}

export async function queryStatusDays(pool: pg.Pool, layerId: string): Promise<DayGroup[]> {
  const { rows } = await pool.query<DayRow>(DAYS_SQL, [layerId]);
  return rows.map((row) => ({ day: row.day, ...targetGroupOfRow(row) }));
}
