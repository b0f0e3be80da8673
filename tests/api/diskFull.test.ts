import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from './support/apiClient';
import { copyGeodata, EDITOR, writeTestAccounts } from './support/apiTestServer';
import { withProperty } from './support/layerEdits';
import { spawnServer, type ServerProcess } from './support/serverProcess';

/*
 * A full disk (docs/input-rules.md, F4), without root or a tiny file system: the server runs under `ulimit -f`, so
 * any file it writes past 128 KiB fails with EFBIG (Node ignores SIGXFSZ), as a full disk
 * fails a write with ENOSPC.
 */

const LAYER = 'urban-villages';
const FILE_SIZE_LIMIT_KIB = 128;

let rootDirectory: string;
let geodataDirectory: string;
let stateDirectory: string;
let server: ServerProcess;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-disk-full-'));
  geodataDirectory = await copyGeodata(rootDirectory);
  stateDirectory = join(rootDirectory, 'state');
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }]);
  server = await spawnServer({ geodataDirectory, stateDirectory, shellPrefix: `ulimit -f ${FILE_SIZE_LIMIT_KIB};` });
});
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  await rm(rootDirectory, { recursive: true, force: true });
});

it('refuses a save the disk cannot hold with 507, keeps the old file and leaves no temporary files', async () => {
  const client = new ApiClient(server.baseUrl);
  expect((await client.login(EDITOR.username, EDITOR.password)).status).toBe(200);
  const layerFile = join(geodataDirectory, `${LAYER}.geojson`);
  const before = await readFile(layerFile);
  const { text, etag } = await client.layer(LAYER);
  const firstId = /"id":"([^"]+)"/.exec(text)?.[1] ?? '';
  const tooBig = withProperty(text, firstId, 'note', '长'.repeat(FILE_SIZE_LIMIT_KIB * 1024));

  const response = await client.putLayer(LAYER, tooBig, etag);
  expect(response.status).toBe(507);
  expect(await response.json()).toMatchObject({ error: 'storage-full', message: { zh: expect.stringContaining('原文件完好') as unknown, en: expect.stringContaining('old file is intact') as unknown } });
  expect(await readFile(layerFile)).toEqual(before);
  const names = [...(await readdir(geodataDirectory)), ...(await readdir(join(stateDirectory, 'versions', LAYER)))];
  expect(names.filter((name) => name.endsWith('.plan-map-tmp'))).toEqual([]);

  // The server is still fine, and a save that fits goes through.
  expect((await client.layer(LAYER)).etag).toBe(etag);
  const small = await client.putLayer(LAYER, withProperty(text, firstId, 'note', '小改动'), etag);
  expect(small.status).toBe(200);
});
