import { expect } from 'vitest';
import type { ApiClient } from './apiClient';

export interface ListedVersion {
  version: string;
  time: string;
  user?: string | null;
  current: boolean;
  summary: { origin: 'save' | 'restore' | 'disk'; added: number; removed: number; changed: number };
}

export interface AuditLine {
  id?: string;
  time: string;
  user?: string;
  layer: string;
  action: string;
  fromVersion: string;
  toVersion: string;
}

/** `/api/layers/<layer>/versions`, or a document's (`/api/documents/layers.json/versions`) when `layer` is its file name. */
export function versionsPathOf(layer: string): string {
  return layer.includes('.') ? `/api/documents/${layer}/versions` : `/api/layers/${layer}/versions`;
}

export async function listVersions(client: ApiClient, layer: string): Promise<{ currentVersion: string | null; versions: ListedVersion[] }> {
  const response = await client.get(versionsPathOf(layer));
  expect(response.status).toBe(200);
  return (await response.json()) as { currentVersion: string | null; versions: ListedVersion[] };
}

/** Every audit record of the layer, newest first, following the API's cursor page by page. */
export async function readWholeAudit(client: ApiClient, layer: string | undefined, limit = 200): Promise<AuditLine[]> {
  const records: AuditLine[] = [];
  let before: string | null = null;
  for (let page = 0; page < 10_000; page += 1) {
    const query = new URLSearchParams({ limit: String(limit), ...(layer ? { layer } : {}), ...(before ? { before } : {}) });
    const response = await client.get(`/api/audit?${query.toString()}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { records: AuditLine[]; next?: string | null };
    records.push(...body.records);
    // A server without paging (next absent) answers everything at once.
    if (body.next === null || body.next === undefined) return records;
    before = body.next;
  }
  throw new Error('the audit never ended');
}

/**
 * The history tells the truth: every version listed as a save or restore has the audit record
 * of that save (same version, same instant), every record of the layer names a save whose
 * result was live (kept, or pruned since), and the live layer is the version marked current.
 */
export async function expectTruthfulHistory(client: ApiClient, layer: string, liveVersion: string): Promise<{ versions: ListedVersion[]; records: AuditLine[] }> {
  const { currentVersion, versions } = await listVersions(client, layer);
  const records = await readWholeAudit(client, layer);
  expect(currentVersion).toBe(liveVersion);
  const recordKeys = new Set(records.map((record) => `${record.toVersion}@${Date.parse(record.time)}`));
  for (const entry of versions.filter((candidate) => candidate.summary.origin !== 'disk'))
    expect(recordKeys.has(`${entry.version}@${Date.parse(entry.time)}`), `version ${entry.version} of ${entry.time} is listed without an audit record: a save that never became live`).toBe(true);
  const keptKeys = new Set(versions.map((entry) => `${entry.version}@${Date.parse(entry.time)}`));
  const oldestKept = versions.at(-1)?.time ?? '';
  for (const record of records.filter((candidate) => Date.parse(candidate.time) >= Date.parse(oldestKept)))
    expect(keptKeys.has(`${record.toVersion}@${Date.parse(record.time)}`), `the audit names ${record.toVersion} of ${record.time}, which no kept version is`).toBe(true);
  // Each record continues from the one before: no save is missing between two that are there.
  const chain = [...records].reverse();
  chain.slice(1).forEach((record, index) => expect(record.fromVersion, `audit record ${record.toVersion} does not follow ${chain[index]?.toVersion}`).toBe(chain[index]?.toVersion));
  if (versions.length > 0 && versions[0]?.summary.origin !== 'disk') expect(versions[0]?.version).toBe(liveVersion);
  return { versions, records };
}
