import { isRecord } from '../domain/isRecord';
import type { DayGroup } from '../domain/progress/targetSeriesFromDays';
import { httpFailure } from './httpFailure';

function isDayGroup(value: unknown): value is DayGroup {
  if (!isRecord(value)) return false;
  const { day, status, street, features, areaSquareMeters, lengthMeters, where, sums } = value;
  return typeof day === 'number' && typeof status === 'string' && typeof street === 'string' && typeof features === 'number'
    && typeof areaSquareMeters === 'number' && typeof lengthMeters === 'number' && isRecord(where)
    && isRecord(sums) && Object.values(sums).every((sum) => typeof sum === 'number');
}

/** A tiled layer's status changes summed per day (GET /api/layers/:id/stats/days), for its targets over time. */
export async function fetchLayerDays(apiBaseUrl: string, layerId: string, signal: AbortSignal): Promise<DayGroup[]> {
  const response = await fetch(new URL(`layers/${encodeURIComponent(layerId)}/stats/days`, apiBaseUrl).href, { signal, cache: 'no-cache' });
  if (!response.ok) throw httpFailure(`${layerId} stats/days`, response);
  const body = (await response.json()) as { days?: unknown };
  if (!Array.isArray(body.days) || !body.days.every(isDayGroup)) throw new Error(`${layerId} stats/days: the server's answer has no days`);
  return body.days;
}
