import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../src/domain/measure/areaSquareMeters';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { EDITOR, startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { parseCollection, withProperty } from './support/layerEdits';

const LAYER = 'urban-villages';

let server: ApiTestServer;
let editor: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  editor = await server.login();
});
afterAll(() => server.close());

function square(west: number, south: number, sizeDegrees: number): Polygon {
  const east = west + sizeDegrees;
  const north = south + sizeDegrees;
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

function totalArea(features: readonly PlanFeature[]): number {
  let total = 0;
  for (const feature of features) total += areaSquareMeters(feature.geometry);
  return total;
}

interface VersionEntry {
  version: string;
  user: string | null;
  time: string;
  current: boolean;
  summary: { added: number; removed: number; changed: number; origin: string; restoredFrom?: string; totalAreaDeltaSquareMeters: number };
}

async function versions(): Promise<VersionEntry[]> {
  const response = await editor.get(`/api/layers/${LAYER}/versions`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { versions: VersionEntry[] }).versions;
}

describe('a save with added, removed, reshaped and regressed features', () => {
  let originalText: string;
  let originalVersion: string;
  let savedVersion: string;

  it('is audited with ids, attribute changes, exact area deltas and the status that went back', async () => {
    ({ text: originalText, version: originalVersion } = await editor.layer(LAYER));
    const before = parseCollection(originalText);
    const after = parseCollection(originalText);
    const [removed, reshaped, regressed] = before.features;
    if (!removed || !reshaped || !regressed) throw new Error('fixture has too few features');
    expect(regressed.properties.status).not.toBe('pending');

    after.features.splice(0, 1);
    const newShape = square(102.70, 25.01, 0.004);
    const reshapedAfter = after.features.find((feature) => feature.id === reshaped.id);
    const regressedAfter = after.features.find((feature) => feature.id === regressed.id);
    if (!reshapedAfter || !regressedAfter) throw new Error('lost a feature');
    reshapedAfter.geometry = newShape;
    regressedAfter.properties.status = 'pending';
    regressedAfter.properties.history = [...regressedAfter.properties.history, { date: '2028-12-01', status: 'pending' }];
    const addedShape = square(102.69, 25.02, 0.002);
    after.features.push({ type: 'Feature', id: 'UV-999', properties: { name: '新增村', status: 'pending', street: '太和街道', plan: 'renovate', history: [{ date: '2026-06-01', status: 'pending' }] }, geometry: addedShape });

    const response = await editor.putLayer(LAYER, JSON.stringify(after), `"${originalVersion}"`);
    expect(response.status).toBe(200);
    savedVersion = ((await response.json()) as { version: string }).version;

    const { records } = (await (await editor.get(`/api/audit?layer=${LAYER}`)).json()) as { records: Record<string, unknown>[] };
    expect(records).toHaveLength(1);
    const record = records[0] ?? {};
    expect(Date.parse(String(record.time))).toBeGreaterThan(Date.now() - 60_000);
    expect(record).toMatchObject({ user: EDITOR.username, layer: LAYER, action: 'save', fromVersion: originalVersion, toVersion: savedVersion });
    expect(record.added).toEqual(['UV-999']);
    expect(record.removed).toEqual([removed.id]);
    expect(record.changed).toEqual([
      { id: reshaped.id, attributes: [], geometryChanged: true, areaDeltaSquareMeters: areaSquareMeters(newShape) - areaSquareMeters(reshaped.geometry), lengthDeltaMeters: expect.any(Number) },
      {
        id: regressed.id,
        attributes: [
          { key: 'history', before: regressed.properties.history, after: regressedAfter.properties.history },
          { key: 'status', before: regressed.properties.status, after: 'pending' },
        ],
        geometryChanged: false,
        areaDeltaSquareMeters: 0,
        lengthDeltaMeters: 0,
      },
    ]);
    expect(record.areaDeltaSquareMetersById).toEqual({
      [reshaped.id]: areaSquareMeters(newShape) - areaSquareMeters(reshaped.geometry),
      'UV-999': areaSquareMeters(addedShape),
      [removed.id]: -areaSquareMeters(removed.geometry),
    });
    expect(record.totalAreaDeltaSquareMeters).toBe(totalArea(after.features) - totalArea(before.features));
    expect(record.statusRegressions).toEqual([{ id: regressed.id, from: regressed.properties.status, to: 'pending' }]);
  });

  it('keeps the version found on disk and the saved one, newest first, with user, time and summary', async () => {
    const list = await versions();
    expect(list.map((entry) => [entry.version, entry.user, entry.current, entry.summary.origin])).toEqual([
      [savedVersion, EDITOR.username, true, 'save'],
      [originalVersion, null, false, 'disk'],
    ]);
    expect(list[0]?.summary).toMatchObject({ added: 1, removed: 1, changed: 2 });
    const old = await editor.get(`/api/layers/${LAYER}/versions/${originalVersion}`);
    expect(old.status).toBe(200);
    expect(old.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(old.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await old.text()).toBe(originalText);
    expect((await editor.get(`/api/layers/${LAYER}/versions/${'A'.repeat(27)}`)).status).toBe(404);
  });

  it('restores an earlier version as a new version, conditional on If-Match', async () => {
    const restorePath = `/api/layers/${LAYER}/versions/${originalVersion}/restore`;
    expect((await editor.write('POST', restorePath, undefined)).status).toBe(428);
    expect((await editor.write('POST', restorePath, undefined, { 'If-Match': `"${originalVersion}"` })).status).toBe(412);
    const restored = await editor.write('POST', restorePath, undefined, { 'If-Match': `"${savedVersion}"` });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe(`"${originalVersion}"`);
    expect(await readFile(join(server.geodataDirectory, `${LAYER}.geojson`), 'utf8')).toBe(originalText);
    const list = await versions();
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ version: originalVersion, user: EDITOR.username, current: true, summary: { origin: 'restore', restoredFrom: originalVersion, added: 1, removed: 1 } });
    const { records } = (await (await editor.get(`/api/audit?layer=${LAYER}`)).json()) as { records: Record<string, unknown>[] };
    expect(records[0]).toMatchObject({ action: 'restore', restoredFrom: originalVersion, fromVersion: savedVersion, toVersion: originalVersion, added: [expect.any(String)], removed: ['UV-999'] });
  });

  it('lets a viewer read versions but not restore them', async () => {
    const viewer = await server.login({ username: 'viewer', password: 'viewer-password-1' });
    expect((await viewer.get(`/api/layers/${LAYER}/versions`)).status).toBe(200);
    const { etag } = await viewer.layer(LAYER);
    expect((await viewer.write('POST', `/api/layers/${LAYER}/versions/${savedVersion}/restore`, undefined, { 'If-Match': etag })).status).toBe(403);
  });
});

describe('keeping the last N versions', () => {
  it('drops the oldest beyond the configured number', async () => {
    const small = await startApiTestServer({ keepVersions: 3 });
    try {
      const client = await small.login();
      for (let step = 0; step < 4; step += 1) {
        const { text, etag } = await client.layer('roads');
        expect((await client.putLayer('roads', withProperty(text, 'RD-01', 'name', `第${step}版`), etag)).status).toBe(200);
      }
      const { versions: kept } = (await (await client.get('/api/layers/roads/versions')).json()) as { versions: VersionEntry[] };
      expect(kept).toHaveLength(3);
      expect(kept[0]?.current).toBe(true);
      expect(kept.every((entry) => entry.summary.origin === 'save')).toBe(true);
    } finally {
      await small.close();
    }
  });
});
