import type { Manifest } from '../../../src/domain/plan/manifest';
import type { ApiClient } from './apiClient';

export const PLAN_PATH = '/api/documents/layers.json';

/** layers.json as the API serves it, parsed, with its ETag. */
export async function readPlan(client: ApiClient): Promise<{ manifest: Manifest; text: string; etag: string }> {
  const response = await client.get(PLAN_PATH);
  if (response.status !== 200) throw new Error(`GET layers.json: ${response.status}`);
  const text = await response.text();
  return { manifest: JSON.parse(text) as Manifest, text, etag: response.headers.get('etag') ?? '' };
}

export function putPlan(client: ApiClient, manifest: unknown, etag: string | undefined): Promise<Response> {
  return client.write('PUT', PLAN_PATH, JSON.stringify(manifest), etag ? { 'If-Match': etag, 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json' });
}

/** A copy of `manifest` with one change made by `edit`. */
export function editedPlan(manifest: Manifest, edit: (copy: Manifest) => void): Manifest {
  const copy = structuredClone(manifest);
  edit(copy);
  return copy;
}

/** The layer with this id in a manifest (throws when it is missing, which is a broken test). */
export function layerOf(manifest: Manifest, id: string): Manifest['layers'][number] {
  const layer = manifest.layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return layer;
}
