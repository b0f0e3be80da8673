import type pg from 'pg';
import type { StatusGroup } from '../../domain/progress/statusGroups';
import type { TargetGroup } from '../../domain/progress/targetGroups';
import { targetGroupOfRow, type StatusSumRow } from './targetGroupOfRow';
import type { LayerGroups } from '../../domain/progress/layerGroups';

/*
 * A day's groups are the running sum of the layer's status events up to it (plan_status_day,
 * migration 005: statusCodesAsOf's rule, kept by triggers at every change of a row); today's are
 * plan_status_now. Summed exactly (numeric) and rounded once. A group of no projects is exactly
 * zero throughout, so `features > 0` drops only empty ones.
 */
const SUMMED = `sum(features)::int AS features, sum(area)::float8 AS area, sum(length)::float8 AS length,
       coalesce(plan_sum_arrays(sums) FILTER (WHERE cardinality(sums) > 0), '{}')::float8[] AS sums, GROUPING(facet) = 1 AS whole,
       (SELECT sum_properties FROM plan_status_facet WHERE layer = $1) AS summed`;
const GROUPING = 'GROUP BY GROUPING SETS ((status, street, facet), (status, street)) HAVING sum(features) > 0 ORDER BY status, street';

const DAY_SQL = `SELECT status, street, facet, ${SUMMED} FROM plan_status_day WHERE layer = $1 AND day <= $2 ${GROUPING}`;
const NOW_SQL = `SELECT status, street, facet, ${SUMMED} FROM plan_status_now WHERE layer = $1 ${GROUPING}`;

interface GroupRow extends StatusSumRow {
  whole: boolean;
}

export type { LayerGroups } from '../../domain/progress/layerGroups';

/** The layer's projects summed by status on `day` (YYYYMMDD as dayKey gives it; null: today's status) and sub-district, and by target facets. */
export async function queryStatusGroups(pool: pg.Pool, layerId: string, day: number | null): Promise<LayerGroups> {
  const { rows } = day === null ? await pool.query<GroupRow>(NOW_SQL, [layerId]) : await pool.query<GroupRow>(DAY_SQL, [layerId, day]);
  const groups: StatusGroup[] = [];
  const targetGroups: TargetGroup[] = [];
  for (const row of rows) {
    if (row.whole) groups.push({ status: row.status, street: row.street, features: row.features, areaSquareMeters: row.area, lengthMeters: row.length });
    else targetGroups.push(targetGroupOfRow(row));
  }
  return { groups, targetGroups };
}
