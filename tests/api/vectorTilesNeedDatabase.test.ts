import { afterAll, beforeAll, expect } from 'vitest';
import { fileStoreOnly, startApiTestServer, type ApiTestServer } from './support/apiTestServer';

/* Under the file store there is no PostGIS to cut tiles: the routes say so instead of failing obscurely. */

let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});

afterAll(async () => {
  await server?.close();
});

fileStoreOnly('tiles and database statistics answer 404 naming the database mode (one project’s details are served by both stores)', async () => {
  for (const path of ['/api/layers/urban-villages/tiles/14/12865/7017', '/api/layers/urban-villages/stats', '/api/layers/urban-villages/search?q=UV']) {
    const response = await fetch(`${server.baseUrl}${path}`);
    expect(response.status, path).toBe(404);
    const body = (await response.json()) as { error: string; message: { zh: string; en: string } };
    expect(body.error).toBe('tiles-need-database');
    expect(body.message.en).toContain('PLAN_MAP_DATABASE_URL');
  }
});
