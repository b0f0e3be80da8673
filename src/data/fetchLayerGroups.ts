import { isRecord } from '../domain/isRecord';
import type { LayerGroups } from '../domain/progress/layerGroups';
import type { StatusGroup } from '../domain/progress/statusGroups';
import type { TargetGroup } from '../domain/progress/targetGroups';
import { httpFailure } from './httpFailure';

function isStatusGroup(value: unknown): value is StatusGroup {
  return isRecord(value) && typeof value.status === 'string' && typeof value.street === 'string' && typeof value.features === 'number'
    && typeof value.areaSquareMeters === 'number' && typeof value.lengthMeters === 'number';
}

function isTargetGroup(value: unknown): value is TargetGroup {
  if (!isStatusGroup(value) || !isRecord(value)) return false;
  const { where, sums } = value as Record<string, unknown>;
  return isRecord(where) && isRecord(sums) && Object.values(sums).every((sum) => typeof sum === 'number');
}

/**
 * A tiled layer's projects summed by status on `isoDate` and sub-district, and by its targets'
 * conditions, from the database (GET /api/layers/:id/stats): the page turns them into its
 * statistics and target progress for every filter.
 */
export async function fetchLayerGroups(apiBaseUrl: string, layerId: string, isoDate: string, signal: AbortSignal): Promise<LayerGroups> {
  const url = new URL(`layers/${encodeURIComponent(layerId)}/stats`, apiBaseUrl);
  url.searchParams.set('date', isoDate);
  const response = await fetch(url.href, { signal, cache: 'no-cache' });
  if (!response.ok) throw httpFailure(`${layerId} stats`, response);
  const body = (await response.json()) as { groups?: unknown; targetGroups?: unknown };
  if (!Array.isArray(body.groups) || !body.groups.every(isStatusGroup) || !Array.isArray(body.targetGroups) || !body.targetGroups.every(isTargetGroup))
    throw new Error(`${layerId} stats: the server's answer has no groups`);
  return { groups: body.groups, targetGroups: body.targetGroups };
}
