import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseLayer } from '../../src/data/parseGeodata';
import { searchFeatures, type SearchHit } from '../../src/domain/browse/searchFeatures';
import { startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';

/*
 * Search in a layer too large for the page: the server finds the projects in the database and
 * answers exactly what the page's own search (searchFeatures) finds in the whole layer file, for
 * ids, name parts, full-width digits and spaces typed on a Chinese keyboard, and no match.
 */

const LAYER = 'old-neighborhoods';
let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function serverHits(query: string): Promise<{ status: number; hits: SearchHit[] }> {
  const response = await fetch(`${server.baseUrl}/api/layers/${LAYER}/search?q=${encodeURIComponent(query)}`);
  const body = (await response.json()) as { hits?: SearchHit[] };
  return { status: response.status, hits: body.hits ?? [] };
}

it('finds what the page\'s search finds in the whole layer, in the same order', async () => {
  const { features } = parseLayer(await readFile(join(server.geodataDirectory, `${LAYER}.geojson`), 'utf8'), `${LAYER}.geojson`);
  const layer = { layerId: LAYER, ids: features.map((feature) => feature.id), names: features.map((feature) => String(feature.properties.name ?? '')) };
  const firstName = layer.names[0] ?? '';
  const queries = ['ON-007', 'on-0', '二期', firstName.slice(1, 3), `${firstName.slice(0, 1)} ${firstName.slice(1, 2)}`, 'ＯＮ－０１', '小区', 'no such project'];
  for (const query of queries) {
    const expected = searchFeatures([layer], query);
    const answer = await serverHits(query);
    expect(answer.status, query).toBe(200);
    expect(answer.hits, query).toEqual(expected);
  }
  expect((await serverHits('ON-007')).hits[0]?.featureId).toBe('ON-007');
  expect((await serverHits('no such project')).hits).toEqual([]);
  expect((await serverHits('   ')).hits).toEqual([]);
});

it('refuses a search longer than a search box takes, and a layer the plan does not have', async () => {
  const long = await fetch(`${server.baseUrl}/api/layers/${LAYER}/search?q=${'地'.repeat(101)}`);
  expect(long.status).toBe(400);
  expect(((await long.json()) as { error: string }).error).toBe('bad-query');
  const unknown = await fetch(`${server.baseUrl}/api/layers/no-such-layer/search?q=x`);
  expect(unknown.status).toBe(404);
});
