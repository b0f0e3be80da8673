/**
 * A DataV district boundary, once saved into green space with one click, is the case here. The server
 * refuses a save whose figures are out of the ordinary (a feature larger than the district or
 * mostly outside it, a layer's total jumping) unless the request confirms exactly those figures.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { validateGeoJson } from '../../src/domain/validation/validateGeoJson';
import { projectDirectory, startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { parseCollection, withProperty } from './support/layerEdits';

let server: ApiTestServer;
let editor: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  // The district's boundary, as geodata/ holds it beside the layers.
  await mkdir(join(server.geodataDirectory, 'basemap'), { recursive: true });
  await copyFile(join(projectDirectory, 'geodata', 'basemap', 'district.geojson'), join(server.geodataDirectory, 'basemap', 'district.geojson'));
  editor = await server.login();
});
afterAll(() => server.close());

/** The DataV boundary converted from GCJ-02, with the plan fields a green space needs. */
async function districtBoundaryAsGreenSpace(): Promise<PlanFeature> {
  const report = validateGeoJson(await readFile(join(projectDirectory, 'tests', 'fixtures', 'import', 'datav-530112.json')), { convertFrom: 'gcj02' });
  const geometry = report.collection?.features[0]?.geometry;
  if (!geometry || geometry.type !== 'MultiPolygon') throw new Error('the fixture has no boundary');
  return { type: 'Feature', id: 'GS-061', geometry, properties: { name: '西山区', status: 'planned', history: [{ date: '2026-11-30', status: 'planned' }], kind: 'park' } };
}

interface Refusal {
  error: string;
  message: string;
  confirmation: string;
  problems: { featureIndex?: number; featureId?: string; code: string; message: { zh: string; en: string } }[];
}

describe('a save with figures out of the ordinary', () => {
  it('is refused with each figure named, saved only with a confirmation of exactly those figures, and the file is untouched until then', async () => {
    const { text, etag } = await editor.layer('green-space');
    const layer = parseCollection(text);
    const withBoundary = JSON.stringify({ ...layer, features: [...layer.features, await districtBoundaryAsGreenSpace()] });
    const before = await server.readStored('green-space.geojson');

    const refused = await editor.putLayer('green-space', withBoundary, etag);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as Refusal;
    expect(body.error).toBe('needs-confirmation');
    expect(body.problems.map((problem) => [problem.code, problem.featureId])).toEqual([
      ['LAYER_TOTAL_JUMP', undefined],
      ['LARGER_THAN_DISTRICT', 'GS-061'],
      ['MOSTLY_OUTSIDE_DISTRICT', 'GS-061'],
    ]);
    expect(body.problems[1]?.message.zh).toMatch(/^要素 61（id “GS-061”，“西山区”）：面积 89,4\d\d\.\d\d 公顷，是全区 10,164\.4 公顷的 8\.8 倍/);
    expect(body.problems[1]?.message.en).toMatch(/^feature 61 \(id "GS-061", "西山区"\): covers 89,4\d\d\.\d\d ha, 8\.8× the district's 10,164\.4 ha/);
    expect(body.confirmation).toMatch(/^larger:1;outside:1;change:\+894\d\d\.\d\dha$/);
    expect(await server.readStored('green-space.geojson')).toEqual(before);

    // A confirmation of other figures (an earlier, smaller import) does not cover these.
    const stale = await editor.putLayer('green-space', withBoundary, etag, `?confirmExtent=${encodeURIComponent('larger:1;outside:1;change:+12.00ha')}`);
    expect(stale.status).toBe(422);
    expect(await server.readStored('green-space.geojson')).toEqual(before);

    const confirmed = await editor.putLayer('green-space', withBoundary, etag, `?confirmExtent=${encodeURIComponent(body.confirmation)}`);
    expect(confirmed.status).toBe(200);
    expect(parseCollection((await server.readStored('green-space.geojson')).toString('utf8')).features.at(-1)?.id).toBe('GS-061');

    // Saved once, the project is not questioned again when another one is edited.
    const current = await editor.layer('green-space');
    const edited = await editor.putLayer('green-space', withProperty(current.text, 'GS-001', 'name', '清水河绿道（改）'), current.etag);
    expect(edited.status).toBe(200);
  });

  it('is refused when it removes most of a layer, naming the change', async () => {
    const { text, etag } = await editor.layer('idle-land');
    const layer = parseCollection(text);
    const response = await editor.putLayer('idle-land', JSON.stringify({ ...layer, features: layer.features.slice(0, 20) }), etag);
    expect(response.status).toBe(422);
    const body = (await response.json()) as Refusal;
    expect(body.problems.map((problem) => problem.code)).toEqual(['LAYER_TOTAL_JUMP']);
    expect(body.problems[0]?.message.zh).toMatch(/^这次修改使图层的总面积从 6,189\.75 亩变为 [\d,.]+ 亩（−[\d,.]+ 亩，−\d\d%）/);
    expect(body.confirmation).toMatch(/^change:-[\d.]+mu$/);
  });

  it('lets every bundled layer be saved again as it is edited every day', async () => {
    for (const layerId of ['urban-villages', 'old-neighborhoods', 'roads', 'lakeshore']) {
      const { text, etag } = await editor.layer(layerId);
      const [first] = parseCollection(text).features;
      if (!first) throw new Error(`${layerId} is empty`);
      const response = await editor.putLayer(layerId, withProperty(text, first.id, 'name', `${String(first.properties.name)}（校核）`), etag);
      expect(response.status, layerId).toBe(200);
    }
  });
});

describe('without the basemap boundary', () => {
  it('measures against the manifest\'s bounds instead, and says so', async () => {
    const bare = await startApiTestServer();
    try {
      const client = await bare.login();
      const { text, etag } = await client.layer('green-space');
      const layer = parseCollection(text);
      const response = await client.putLayer('green-space', JSON.stringify({ ...layer, features: [...layer.features, await districtBoundaryAsGreenSpace()] }), etag);
      expect(response.status).toBe(422);
      const body = (await response.json()) as Refusal;
      expect(body.problems.find((problem) => problem.code === 'MOSTLY_OUTSIDE_DISTRICT')?.message.en).toContain("lies outside the district's bounds");
    } finally {
      await bare.close();
    }
  });
});
