import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { parseCollection, withProperty } from './support/layerEdits';

const CLIENTS = 20;
const LAYER = 'urban-villages';

let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});
afterAll(() => server.close());

/** One editor's session: read, change its own feature, save; on 412 read again and re-apply. */
async function editUntilSaved(client: ApiClient, featureId: string, note: string): Promise<{ attempts: number; conflicts: number }> {
  for (let attempt = 1; attempt <= 200; attempt += 1) {
    const { text, etag } = await client.layer(LAYER);
    const response = await client.putLayer(LAYER, withProperty(text, featureId, 'note', note), etag);
    if (response.status === 200) return { attempts: attempt, conflicts: attempt - 1 };
    expect(response.status).toBe(412);
    const body = (await response.json()) as { currentVersion: string };
    expect(body.currentVersion).toMatch(/^[A-Za-z0-9_-]{27}$/);
  }
  throw new Error(`${featureId} was never saved`);
}

it(`${CLIENTS} editors saving the same layer at once lose no update`, async () => {
  const { text } = await server.client().layer(LAYER);
  const featureIds = parseCollection(text).features.slice(0, CLIENTS).map((feature) => feature.id);
  expect(featureIds).toHaveLength(CLIENTS);
  // One session for all writers: sign-ins are hashed one at a time (loginGate.ts), and the writes are what this tests.
  const editor = await server.login();
  const clients = featureIds.map(() => editor);

  const results = await Promise.all(clients.map((client, index) => editUntilSaved(client, featureIds[index] ?? '', `client-${index}`)));

  const saved = parseCollection((await server.readStored(`${LAYER}.geojson`)).toString('utf8'));
  featureIds.forEach((featureId, index) => {
    expect(saved.features.find((feature) => feature.id === featureId)?.properties.note).toBe(`client-${index}`);
  });
  // Every save was conditional on what the client had read, so there must have been conflicts, and each was retried.
  const conflicts = results.reduce((total, result) => total + result.conflicts, 0);
  expect(conflicts).toBeGreaterThan(0);
  const audit = (await (await (clients[0] ?? server.client()).get(`/api/audit?layer=${LAYER}&limit=100`)).json()) as { records: { fromVersion: string; toVersion: string }[] };
  expect(audit.records).toHaveLength(CLIENTS);
  // The audit records form one unbroken chain of versions: no save was based on a version another save had replaced.
  const chain = [...audit.records].reverse();
  chain.slice(1).forEach((record, index) => expect(record.fromVersion).toBe(chain[index]?.toVersion));
});
