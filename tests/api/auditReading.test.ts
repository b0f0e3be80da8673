import { createHash } from 'node:crypto';
import { appendFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, fileStoreOnly, startApiTestServer, VIEWER, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { listVersions, readWholeAudit } from './support/layerHistory';
import { parseCollection, withProperty } from './support/layerEdits';

let server: ApiTestServer;
let editor: ApiClient;
/** Versions in the order the saves made them, per layer. */
const saved: Record<string, string[]> = { roads: [], 'urban-villages': [] };

/** The newest records of a layer, one plain request (no paging), as any client of the API would read them. */
async function newest(layer: string, limit: number): Promise<Record<string, unknown>[]> {
  const response = await editor.get(`/api/audit?layer=${layer}&limit=${limit}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { records: Record<string, unknown>[] }).records;
}

async function save(layer: string, featureId: string, key: string, value: unknown): Promise<string> {
  const { text, etag } = await editor.layer(layer);
  const response = await editor.putLayer(layer, withProperty(text, featureId, key, value), etag);
  expect(response.status).toBe(200);
  const { version } = (await response.json()) as { version: string };
  saved[layer]?.push(version);
  return version;
}

beforeAll(async () => {
  server = await startApiTestServer();
  editor = await server.login();
  // Two layers saved in turn, so a layer's page has to skip the other's records.
  for (let index = 0; index < 5; index += 1) {
    await save('roads', 'RD-01', 'name', `道路 第${index}版`);
    if (index < 3) await save('urban-villages', 'UV-001', 'name', `村 第${index}版`);
  }
}, 60_000);
afterAll(() => server.close());

describe('reading the audit log a page at a time', () => {
  it('pages a layer\'s records newest first with a cursor, and ends with next = null', async () => {
    const first = await editor.get('/api/audit?layer=roads&limit=2');
    expect(first.status).toBe(200);
    const page = (await first.json()) as { records: { toVersion: string }[]; next: string | null };
    expect(page.records.map((record) => record.toVersion)).toEqual(saved.roads?.slice(-2).reverse());
    expect(page.next).toMatch(/^\d+$/);
    const all = await readWholeAudit(editor, 'roads', 2);
    expect(all.map((record) => record.toVersion)).toEqual([...(saved.roads ?? [])].reverse());
    const everything = await readWholeAudit(editor, undefined, 3);
    expect(everything).toHaveLength(8);
    expect(everything.map((record) => Date.parse(record.time))).toEqual(everything.map((record) => Date.parse(record.time)).sort((a, b) => b - a));
  });

  it('refuses a cursor it did not give', async () => {
    const response = await editor.get('/api/audit?before=-1');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad-cursor' });
  });
});

describe('what one record may hold', () => {
  it('keeps a large value as its size, hash and first characters, and small values whole', async () => {
    const huge = '长'.repeat(200_000);
    const version = await save('urban-villages', 'UV-002', 'note', huge);
    const [record] = await newest('urban-villages', 1);
    expect(record?.toVersion).toBe(version);
    const change = (record as unknown as { changed: { id: string; attributes: { key: string; after: unknown }[] }[] }).changed[0];
    const json = JSON.stringify(huge);
    expect(change?.attributes).toEqual([{ key: 'note', after: { largeValue: { bytes: Buffer.byteLength(json), sha256: createHash('sha256').update(json).digest('hex'), start: json.slice(0, 120) } } }]);
    // The value itself is in the version the record names.
    const kept = parseCollection(await (await editor.get(`/api/layers/urban-villages/versions/${version}`)).text());
    expect(kept.features.find((feature) => feature.id === 'UV-002')?.properties.note).toBe(huge);
    const lines = await server.storedAuditLines();
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThan(16 * 1024);
  });

  it('keeps the first changes of a save too large to record whole, counts the rest and keeps every total', async () => {
    const { text, etag } = await editor.layer('idle-land');
    const collection = parseCollection(text);
    for (const feature of collection.features) for (const key of ['note1', 'note2', 'note3']) feature.properties[key] = `${feature.id}-${key}`.padEnd(1000, '.');
    const response = await editor.putLayer('idle-land', JSON.stringify(collection), etag);
    expect(response.status).toBe(200);
    const [record] = (await newest('idle-land', 1)) as unknown as { changed: { id: string }[]; omitted: { changed: number }; totalAreaDeltaSquareMeters: number }[];
    expect(record?.omitted.changed).toBeGreaterThan(0);
    expect((record?.changed.length ?? 0) + (record?.omitted.changed ?? 0)).toBe(collection.features.length);
    expect(record?.changed[0]?.id).toBe(collection.features[0]?.id);
    expect(record?.totalAreaDeltaSquareMeters).toBe(0);
    const { versions } = await listVersions(editor, 'idle-land');
    expect(versions[0]?.summary.changed).toBe(collection.features.length);
    const lines = await server.storedAuditLines();
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(256 * 1024);
  });

  fileStoreOnly('reads a log written before records were capped: a record glued to a torn one, and a record of megabytes', async () => {
    const auditFile = join(server.stateDirectory, 'audit.jsonl');
    const old = (toVersion: string, extra: Record<string, unknown>) => JSON.stringify({ time: new Date().toISOString(), user: EDITOR.username, layer: 'lakeshore', action: 'save', fromVersion: 'F'.repeat(27), toVersion, added: [], removed: [], changed: [], ...extra });
    const torn = old('T'.repeat(27), {}).slice(0, 60);
    await appendFile(auditFile, `${torn}${old('G'.repeat(27), {})}\n${old('H'.repeat(27), { changed: [{ id: 'LS-01', attributes: [{ key: 'note', after: 'x'.repeat(3_000_000) }] }] })}\n`);
    const records = await newest('lakeshore', 10);
    expect(records.map((record) => record.toVersion)).toEqual(['H'.repeat(27), 'G'.repeat(27)]);
    expect(records[0]).toMatchObject({ user: EDITOR.username, layer: 'lakeshore', tooLarge: { bytes: expect.any(Number) } });
    expect(records[0]).not.toHaveProperty('changed');
  });

  fileStoreOnly('answers 500, never an empty list, when the log cannot be read', async () => {
    const auditFile = join(server.stateDirectory, 'audit.jsonl');
    await rename(auditFile, `${auditFile}.aside`);
    await mkdir(auditFile);
    try {
      const response = await editor.get('/api/audit?layer=roads');
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: 'audit-unreadable', message: { en: expect.stringContaining('cannot be read') } });
    } finally {
      await rm(auditFile, { recursive: true });
      await rename(`${auditFile}.aside`, auditFile);
    }
  });
});

describe('who may read the audit log and see user names', () => {
  it('needs a signed-in account by default; viewers read it with user names', async () => {
    const anonymous = await server.client().get('/api/audit');
    expect(anonymous.status).toBe(401);
    const viewer = await server.login(VIEWER);
    const records = await readWholeAudit(viewer, 'roads');
    expect(records[0]?.user).toBe(EDITOR.username);
    expect((await listVersions(viewer, 'roads')).versions[0]?.user).toBe(EDITOR.username);
  });

  it('opened to everyone (PLAN_MAP_AUDIT_READ=open), shows anonymous readers no user names, in the audit or the versions, and never opens what reading closes', async () => {
    const open = await startApiTestServer({ auditReadAccess: 'open' });
    try {
      const client = await open.login();
      const { text, etag } = await client.layer('roads');
      expect((await client.putLayer('roads', withProperty(text, 'RD-01', 'name', '公开'), etag)).status).toBe(200);
      const anonymous = open.client();
      const records = await readWholeAudit(anonymous, 'roads');
      expect(records).toHaveLength(1);
      expect(records[0]).not.toHaveProperty('user');
      const { versions } = await listVersions(anonymous, 'roads');
      expect(versions.map((entry) => Object.hasOwn(entry, 'user'))).toEqual([false, false]);
      expect(JSON.stringify(await (await anonymous.get('/api/layers/roads/versions')).json())).not.toContain(EDITOR.username);
      expect((await readWholeAudit(client, 'roads'))[0]?.user).toBe(EDITOR.username);
    } finally {
      await open.close();
    }
    // Reading that needs an account needs it for the audit too, whatever the audit's own setting.
    const closed = await startApiTestServer({ readAccess: 'login', auditReadAccess: 'open' });
    try {
      expect((await closed.client().get('/api/audit')).status).toBe(401);
    } finally {
      await closed.close();
    }
  });
});
