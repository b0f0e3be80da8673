import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';

let server: ApiTestServer;
beforeAll(async () => { server = await startApiTestServer(); });
afterAll(async () => { await server.close(); });

describe('control-line files', () => {
  it('are served beside the layers, as they are on disk', async () => {
    const response = await server.client().request('GET', '/geodata/eco-red-line.geojson');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await readFile(join(server.geodataDirectory, 'eco-red-line.geojson'), 'utf8'));
  });

  it('cannot be written through the API, even by a signed-in editor: they are no plan layer', async () => {
    const editor = await server.login();
    const before = await readFile(join(server.geodataDirectory, 'urban-boundary.geojson'), 'utf8');
    const put = await editor.request('PUT', '/api/layers/urban-boundary', {
      body: JSON.stringify({ type: 'FeatureCollection', features: [] }),
      headers: { 'Content-Type': 'application/geo+json', 'If-Match': '*' },
    });
    expect(put.status).toBe(404);
    expect((await editor.request('GET', '/api/layers/urban-boundary')).status).toBe(404);
    expect(await readFile(join(server.geodataDirectory, 'urban-boundary.geojson'), 'utf8')).toBe(before);
  });
});
