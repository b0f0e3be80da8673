import type { StatusGroup } from '../domain/progress/statusGroups';
import { httpFailure } from './httpFailure';

function isStatusGroup(value: unknown): value is StatusGroup {
  if (typeof value !== 'object' || value === null) return false;
  const group = value as Record<string, unknown>;
  return typeof group.status === 'string' && typeof group.street === 'string' && typeof group.features === 'number'
    && typeof group.areaSquareMeters === 'number' && typeof group.lengthMeters === 'number';
}

/**
 * A tiled layer's projects summed by status on `isoDate` and sub-district, from the database
 * (GET /api/layers/:id/stats): the page turns them into its statistics for every filter.
 */
export async function fetchLayerGroups(apiBaseUrl: string, layerId: string, isoDate: string, signal: AbortSignal): Promise<StatusGroup[]> {
  const url = new URL(`layers/${encodeURIComponent(layerId)}/stats`, apiBaseUrl);
  url.searchParams.set('date', isoDate);
  const response = await fetch(url.href, { signal, cache: 'no-cache' });
  if (!response.ok) throw httpFailure(`${layerId} stats`, response);
  const body = (await response.json()) as { groups?: unknown };
  if (!Array.isArray(body.groups) || !body.groups.every(isStatusGroup)) throw new Error(`${layerId} stats: the server's answer has no groups`);
  return body.groups;
}
