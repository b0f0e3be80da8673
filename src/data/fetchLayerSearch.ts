import type { SearchHit } from '../domain/browse/searchFeatures';
import { httpFailure } from './httpFailure';

function isSearchHit(value: unknown): value is SearchHit {
  if (typeof value !== 'object' || value === null) return false;
  const hit = value as Record<string, unknown>;
  return typeof hit.layerId === 'string' && typeof hit.featureId === 'string' && typeof hit.name === 'string';
}

/** Projects of a tiled layer whose name or id contains `query`, found by the server (GET /api/layers/:id/search). */
export async function fetchLayerSearch(apiBaseUrl: string, layerId: string, query: string, signal: AbortSignal): Promise<SearchHit[]> {
  const url = new URL(`layers/${encodeURIComponent(layerId)}/search`, apiBaseUrl);
  url.searchParams.set('q', query);
  const response = await fetch(url.href, { signal });
  if (!response.ok) throw httpFailure(`${layerId} search`, response);
  const body = (await response.json()) as { hits?: unknown };
  return Array.isArray(body.hits) ? body.hits.filter(isSearchHit) : [];
}
