import type { PlanFeature, PlanFeatureProperties } from '../plan/planFeature';

/** The status of the feature at `index` of a layer, or null when it had none yet. */
export type StatusResolver = (index: number) => string | null;

type StatusSource = Pick<PlanFeatureProperties, 'status' | 'history'>;

/** Compares calendar days only: "2025-03-01T08:00" is still 2025-03-01. */
function dayOf(isoDate: string): string {
  return isoDate.slice(0, 10);
}

/**
 * The status in force on `isoDate` (YYYY-MM-DD, inclusive): the latest history entry dated on
 * or before it, the later one on a tie; null if the project had no entry yet. A feature without
 * any history has no dates to go by: its current status is taken to have always applied.
 */
export function statusAsOf(properties: StatusSource, isoDate: string): string | null {
  const history = Array.isArray(properties.history) ? properties.history : [];
  if (history.length === 0) return properties.status;
  const day = dayOf(isoDate);
  let status: string | null = null;
  let statusDay = '';
  for (const change of history) {
    const changeDay = dayOf(change.date);
    if (changeDay <= day && changeDay >= statusDay) {
      status = change.status;
      statusDay = changeDay;
    }
  }
  return status;
}

/** The date the current status was reached: the date of the last history entry, or null. */
export function statusDate(properties: StatusSource): string | null {
  const history = Array.isArray(properties.history) ? properties.history : [];
  const last = history[history.length - 1];
  return last ? last.date : null;
}

/** Resolves every feature's status on `isoDate` once, for repeated lookups by index. */
export function statusResolverAsOf(features: readonly PlanFeature[], isoDate: string): StatusResolver {
  const statuses = features.map((feature) => statusAsOf(feature.properties, isoDate));
  return (index) => statuses[index] ?? null;
}
