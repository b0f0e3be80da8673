import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { openEventStream, type EventStream } from './support/eventStream';
import { withProperty } from './support/layerEdits';

let server: ApiTestServer;
let editor: ApiClient;
let events: EventStream;

beforeAll(async () => {
  server = await startApiTestServer();
  editor = await server.login();
  events = await openEventStream(server.baseUrl);
});
afterAll(async () => {
  events.close();
  await server.close();
});

it('notices a file edited on disk, as in QGIS: new ETag, 412 for the old one, and an event', async () => {
  const file = join(server.geodataDirectory, 'green-space.geojson');
  const { text, etag: oldEtag } = await editor.layer('green-space');
  const firstId = /"id":"([^"]+)"/.exec(text)?.[1] ?? '';

  const editedOnDisk = withProperty(text, firstId, 'name', '在QGIS里改的名字');
  await writeFile(file, editedOnDisk);

  const { etag: newEtag } = await editor.layer('green-space');
  expect(newEtag).not.toBe(oldEtag);
  const event = await events.waitFor((candidate) => candidate.layer === 'green-space');
  expect(`"${event.version}"`).toBe(newEtag);

  const stale = await editor.putLayer('green-space', withProperty(text, firstId, 'note', '基于旧版本'), oldEtag);
  expect(stale.status).toBe(412);
  expect(stale.headers.get('etag')).toBe(newEtag);
  expect(await readFile(file, 'utf8')).toBe(editedOnDisk);
});

it('announces saves made through the API once, with the new version', async () => {
  const { text, etag } = await editor.layer('roads');
  const response = await editor.putLayer('roads', withProperty(text, 'RD-01', 'name', '事件测试'), etag);
  expect(response.status).toBe(200);
  const { version } = (await response.json()) as { version: string };
  await events.waitFor((candidate) => candidate.layer === 'roads' && candidate.version === version);
  // The watcher also sees the rename; it must not announce the same version twice.
  await new Promise((resolveWait) => setTimeout(resolveWait, 300));
  expect(events.events.filter((candidate) => candidate.version === version)).toHaveLength(1);
});
