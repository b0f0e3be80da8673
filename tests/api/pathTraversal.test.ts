import { request as httpRequest } from 'node:http';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';

const SECRET = 'TOP-SECRET-NOT-A-LAYER';

let server: ApiTestServer;
let editor: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  editor = await server.login();
  // Beside geodata/: what `../secret` would reach if a layer id ever became a path.
  await writeFile(join(server.rootDirectory, 'secret.geojson'), SECRET);
});
afterAll(() => server.close());

/** Sends the path exactly as written: fetch would normalise the dot segments away before sending. */
function rawRequest(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolveResponse, rejectResponse) => {
    const request = httpRequest({ hostname, port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', rejectResponse);
    request.end(body);
  });
}

const HOSTILE_IDS = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%2e%2e%2fsecret',
  '..%5c..%5csecret',
  'roads%00',
  '%00',
  'roads%00.geojson',
  '%ZZ',
  'a'.repeat(300),
  'CON',
  'ROADS',
  'roads.geojson',
];

it('answers 404 to hostile layer ids and reads nothing outside the layers', async () => {
  for (const id of HOSTILE_IDS) {
    for (const path of [`/api/layers/${id}`, `/api/layers/${id}/versions`, `/api/layers/roads/versions/${id}`]) {
      const answer = await rawRequest('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(SECRET);
      expect(answer.body).not.toContain('root:');
    }
  }
});

it('writes nothing for hostile ids, even for a signed-in editor', async () => {
  const { etag } = await editor.layer('roads');
  const before = (await readdir(server.rootDirectory)).sort();
  const headers = { Cookie: editor.sessionCookie, 'X-CSRF-Token': editor.csrfToken ?? '', 'If-Match': etag, 'Content-Type': 'application/geo+json' };
  const body = (await editor.layer('roads')).text;
  for (const id of HOSTILE_IDS) {
    const answer = await rawRequest('PUT', `/api/layers/${id}`, headers, body);
    expect(answer.status, id).toBe(404);
    const restore = await rawRequest('POST', `/api/layers/roads/versions/${id}/restore`, headers);
    expect(restore.status, id).toBe(404);
  }
  expect((await readdir(server.rootDirectory)).sort()).toEqual(before);
  expect(await readFile(join(server.rootDirectory, 'secret.geojson'), 'utf8')).toBe(SECRET);
});

it('does not serve files outside geodata/ through /geodata/ either', async () => {
  for (const path of ['/geodata/..%2fsecret.geojson', '/geodata/%2e%2e/secret.geojson', '/geodata/roads.geojson%00']) {
    const answer = await rawRequest('GET', path);
    expect(answer.body, path).not.toContain(SECRET);
  }
});

it('opens the app for paths with doubled slashes, as a link pasted with a stray slash has, and reads nothing outside', async () => {
  for (const path of ['//', '//index.html', '//geodata/layers.json', '//..%2fsecret.geojson']) {
    const answer = await rawRequest('GET', path);
    expect(answer.status, path).toBe(200);
    expect(answer.body, path).not.toContain(SECRET);
  }
});
