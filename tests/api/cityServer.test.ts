import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityPage } from '../../src/domain/city/cityPage';
import { cityTargets } from '../../src/domain/city/cityTargets';
import { measureLayer } from '../../src/domain/measure/measuredLayer';
import { readGeodataDirectory } from '../../src/data/readGeodataDirectory';
import { projectDirectory, startCityServer, type RunningCityServer } from '../support/startCityServer';

const AS_OF = '2026-06-30';
let server: RunningCityServer;

beforeAll(async () => {
  server = await startCityServer();
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.baseUrl), { redirect: 'manual', ...init });

/** Sends the path exactly as written: fetch would normalise the dot segments away before sending. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolveResponse, rejectResponse) => {
    const request = httpRequest({ hostname, port, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', rejectResponse);
    request.end();
  });
}

async function measured(directory: string) {
  const { manifest, layers } = await readGeodataDirectory(resolve(projectDirectory, directory));
  return { manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
}

describe('a city of districts on one server (PLAN_MAP_CITY)', () => {
  it('opens on the city page and answers its data: the districts, with every target the domain computes from their folders', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/?mode=city');
    const response = await get(`/city.json?date=${AS_OF}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as CityPage;
    expect(page.name.zh).toBe('滇池市');
    expect(page.districts).toEqual([
      { id: 'hubin', name: { zh: '湖滨区', en: 'Hubin District' }, path: 'd/hubin/' },
      { id: 'xishan', name: { zh: '西山区', en: 'Xishan District' }, path: 'd/xishan/' },
    ]);
    const [hubin, xishan] = await Promise.all([measured('geodata'), measured('geodata-city/xishan')]);
    const expected = cityTargets([{ id: 'hubin', name: page.districts[0]?.name ?? { zh: '', en: '' }, ...hubin }, { id: 'xishan', name: page.districts[1]?.name ?? { zh: '', en: '' }, ...xishan }], AS_OF);
    expect(page.targets).toEqual(JSON.parse(JSON.stringify(expected)));
    const demolished = page.targets.rows.find((row) => row.key === 'urban-villages/uv-demolish');
    expect(demolished?.city.actual).toBe((demolished?.districts[0]?.actual ?? Number.NaN) + (demolished?.districts[1]?.actual ?? Number.NaN));
    expect((await get('/city.json?date=2026-02-30')).status).toBe(400);
  });

  it('serves each district’s app, geodata and layer parts under /d/<id>/, and one district’s layer is not another’s', async () => {
    expect((await get('/d/xishan')).headers.get('location')).toBe('/d/xishan/');
    const app = await get('/d/xishan/');
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
    const roadsOf = async (id: string) => {
      const response = await get(`/d/${id}/geodata/roads.geojson`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { features: { id: string }[] }).features.map((feature) => feature.id);
    };
    const [hubinRoads, xishanRoads] = await Promise.all([roadsOf('hubin'), roadsOf('xishan')]);
    expect(xishanRoads.length).toBeGreaterThan(0);
    expect(xishanRoads.length).toBeLessThan(hubinRoads.length);
    expect(xishanRoads.every((id) => hubinRoads.includes(id))).toBe(true);
    const manifests = await Promise.all(['hubin', 'xishan'].map(async (id) => ((await (await get(`/d/${id}/geodata/layers.json`)).json()) as { district: { name: { zh: string } }; layers: unknown[] })));
    expect(manifests.map((manifest) => manifest.district.name.zh)).toEqual(['湖滨区', '西山区']);
    expect(manifests.map((manifest) => manifest.layers.length)).toEqual([12, 6]);
    // The layer only the first district has is not found in the second.
    expect((await get('/d/hubin/geodata/quarries.geojson')).status).toBe(200);
    expect((await get('/d/xishan/geodata/quarries.geojson')).status).toBe(404);
    expect((await get('/d/xishan/geodata/roads.parts')).status).toBe(200);
  });

  it('keeps districts apart and the city read-only: no unknown district, no path out of a folder, no API', async () => {
    expect((await get('/d/nowhere/')).status).toBe(404);
    for (const path of ['/d/xishan/geodata/../../../package.json', '/d/xishan/geodata/%2e%2e/%2e%2e/%2e%2e/package.json', '/d/xishan/geodata/..%2F..%2F..%2Fpackage.json']) {
      const answer = await rawGet(path);
      expect(answer.body, path).not.toContain('"name": "plan-map"');
    }
    expect((await rawGet('/d/xishan/geodata/..%2F..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/d/hubin/api/session')).status).toBe(404);
    expect((await get('/api/session')).status).toBe(404);
    expect((await get('/d/hubin/geodata/roads.geojson', { method: 'PUT', body: '{}' })).status).toBe(405);
    // No district lives at the root: the page's preload of geodata/layers.json gets no content there.
    expect((await get('/geodata/layers.json')).status).toBe(204);
  });
});
