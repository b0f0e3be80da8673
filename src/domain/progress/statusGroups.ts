import type { LayerFilter } from '../browse/featureFilter';
import type { LayerDefinition } from '../plan/manifest';
import { emptyTotals, type LayerStats, type StatusTotals } from './layerStats';

/**
 * A layer's projects summed by status (on a day) and sub-district: what the database answers for
 * a tiled layer (GET /api/layers/:id/stats). Statuses × sub-districts are a few dozen groups
 * however many projects there are, so a filter click sums them on the page at once.
 */
export interface StatusGroup {
  status: string;
  /** '' for projects without one, as filters and statistics list them. */
  street: string;
  features: number;
  areaSquareMeters: number;
  lengthMeters: number;
}

function add(target: StatusTotals, group: StatusGroup): void {
  target.features += group.features;
  target.areaSquareMeters += group.areaSquareMeters;
  target.lengthMeters += group.lengthMeters;
}

/**
 * layerStats for a layer known by its groups, with a view filter's statuses and sub-districts
 * (a project list, 只看预警项目, needs the projects themselves and is not applied here). The same
 * shape and order: lifecycle statuses first with zeros, then other statuses found; streets with
 * projects, in code-point order.
 */
export function layerStatsFromGroups(definition: LayerDefinition, groups: readonly StatusGroup[], filter?: LayerFilter): LayerStats {
  const byStatus = Object.create(null) as Record<string, StatusTotals>;
  for (const status of definition.statuses) byStatus[status.id] = emptyTotals();
  const streetTotals = new Map<string, StatusTotals>();
  const totals = emptyTotals();
  const counted = groups.filter(
    (group) => (!filter || filter.statuses.length === 0 || filter.statuses.includes(group.status)) && (!filter || filter.streets.length === 0 || filter.streets.includes(group.street)),
  );
  const extraStatuses = [...new Set(counted.map((group) => group.status).filter((status) => !(status in byStatus)))].sort();
  for (const status of extraStatuses) byStatus[status] = emptyTotals();
  for (const group of counted) {
    add(totals, group);
    const statusTotals = byStatus[group.status];
    if (statusTotals) add(statusTotals, group);
    let street = streetTotals.get(group.street);
    if (!street) {
      street = emptyTotals();
      streetTotals.set(group.street, street);
    }
    add(street, group);
  }
  const byStreet = Object.create(null) as Record<string, StatusTotals>;
  for (const street of [...streetTotals.keys()].sort()) {
    const value = streetTotals.get(street);
    if (value && value.features > 0) byStreet[street] = value;
  }
  return { layerId: definition.id, totals, byStatus, byStreet };
}
