import type { TargetGroup } from '../../domain/progress/targetGroups';

/** A row of the status sums (plan_status_day / plan_status_now, migration 005) as it is read. */
export interface StatusSumRow {
  status: string;
  street: string;
  facet: Record<string, unknown> | null;
  features: number;
  area: number;
  length: number;
  /** In the order of `summed` (plan_status_facet.sum_properties). */
  sums: number[] | null;
  summed: string[] | null;
}

/** The row as the domain's target group: the sums named by their properties. */
export function targetGroupOfRow(row: StatusSumRow): TargetGroup {
  const sums = Object.create(null) as Record<string, number>;
  (row.summed ?? []).forEach((property, index) => { sums[property] = row.sums?.[index] ?? 0; });
  return { status: row.status, street: row.street, features: row.features, areaSquareMeters: row.area, lengthMeters: row.length, where: row.facet ?? {}, sums };
}
