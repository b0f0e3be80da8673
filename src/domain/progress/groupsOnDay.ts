import type { LayerGroups } from './layerGroups';
import type { StatusGroup } from './statusGroups';
import type { TargetGroup } from './targetGroups';
import type { DayGroup } from './targetSeriesFromDays';

/**
 * A layer's groups on a day (yyyymmdd; null: after every change) from its changes per day: the
 * running sum of the changes up to it, as the database sums plan_status_day. Groups of no
 * projects are left out.
 */
export function groupsOnDay(days: readonly DayGroup[], day: number | null): LayerGroups {
  const targetGroups = new Map<string, TargetGroup>();
  const groups = new Map<string, StatusGroup>();
  for (const change of days) {
    if (day !== null && change.day > day) continue;
    const key = `${change.status}\u0000${change.street}`;
    const group = groups.get(key) ?? { status: change.status, street: change.street, features: 0, areaSquareMeters: 0, lengthMeters: 0 };
    group.features += change.features;
    group.areaSquareMeters += change.areaSquareMeters;
    group.lengthMeters += change.lengthMeters;
    groups.set(key, group);
    const targetKey = `${key}\u0000${JSON.stringify(change.where)}`;
    const targetGroup = targetGroups.get(targetKey) ?? { status: change.status, street: change.street, features: 0, areaSquareMeters: 0, lengthMeters: 0, where: change.where, sums: {} };
    targetGroup.features += change.features;
    targetGroup.areaSquareMeters += change.areaSquareMeters;
    targetGroup.lengthMeters += change.lengthMeters;
    for (const [property, sum] of Object.entries(change.sums)) targetGroup.sums[property] = (targetGroup.sums[property] ?? 0) + sum;
    targetGroups.set(targetKey, targetGroup);
  }
  const byKey = (left: StatusGroup, right: StatusGroup) => (left.status < right.status ? -1 : left.status > right.status ? 1 : left.street < right.street ? -1 : left.street > right.street ? 1 : 0);
  return {
    groups: [...groups.values()].filter((group) => group.features !== 0).sort(byKey),
    targetGroups: [...targetGroups.values()].filter((group) => group.features !== 0).sort(byKey),
  };
}
