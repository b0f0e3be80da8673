import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { parseCollection, withProperty } from './support/layerEdits';

let server: ApiTestServer;
let editor: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  editor = await server.login();
});
afterAll(() => server.close());

describe('reading layers', () => {
  it('lists every manifest layer with its version', async () => {
    const response = await server.client().get('/api/layers');
    expect(response.status).toBe(200);
    const { layers } = (await response.json()) as { layers: { id: string; version: string }[] };
    const manifest = JSON.parse((await server.readStored('layers.json')).toString('utf8')) as { layers: { id: string }[] };
    expect(layers.map((layer) => layer.id)).toEqual(manifest.layers.map((layer) => layer.id));
    expect(layers.length).toBeGreaterThan(6);
    const { version } = await server.client().layer('roads');
    expect(layers.find((layer) => layer.id === 'roads')?.version).toBe(version);
  });

  it('returns the stored bytes with an ETag, as a GeoJSON download that is never sniffed', async () => {
    const response = await server.client().get('/api/layers/roads');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="roads.geojson"');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(await response.text()).toBe((await server.readStored('roads.geojson')).toString('utf8'));
  });

  it('gives the same ETag as the static /geodata/ file, and 304 to If-None-Match', async () => {
    const { etag } = await server.client().layer('roads');
    const staticFile = await fetch(`${server.baseUrl}/geodata/roads.geojson`);
    expect(staticFile.headers.get('etag')).toBe(etag);
    expect((await server.client().get('/api/layers/roads', { 'If-None-Match': etag })).status).toBe(304);
  });

  it('answers 404 for a layer the manifest does not name', async () => {
    expect((await server.client().get('/api/layers/parks')).status).toBe(404);
  });
});

describe('conditional saves', () => {
  it('saves with the current version: 200 and the new ETag, which the next GET returns', async () => {
    const { text, etag } = await editor.layer('roads');
    const edited = withProperty(text, 'RD-01', 'name', '惠民新街');
    const response = await editor.putLayer('roads', edited, etag);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: string; changed: boolean; diff: { changed: string[] } };
    expect(body.changed).toBe(true);
    expect(body.diff.changed).toEqual(['RD-01']);
    expect(response.headers.get('etag')).toBe(`"${body.version}"`);
    expect((await server.readStored('roads.geojson')).toString('utf8')).toBe(edited);
    expect((await editor.layer('roads')).etag).toBe(response.headers.get('etag'));
  });

  it('refuses a stale version with 412, the current version and ETag, and writes nothing', async () => {
    const { text, etag: oldEtag } = await editor.layer('roads');
    const first = await editor.putLayer('roads', withProperty(text, 'RD-02', 'name', '第一次'), oldEtag);
    expect(first.status).toBe(200);
    const stored = await server.readStored('roads.geojson');
    const second = await editor.putLayer('roads', withProperty(text, 'RD-03', 'name', '第二次'), oldEtag);
    expect(second.status).toBe(412);
    const body = (await second.json()) as { error: string; currentVersion: string };
    expect(body.error).toBe('version-conflict');
    expect(`"${body.currentVersion}"`).toBe(first.headers.get('etag'));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await server.readStored('roads.geojson')).toEqual(stored);
  });

  it('requires If-Match: 428 without it, and for "*" or a weak tag', async () => {
    const { text, etag } = await editor.layer('roads');
    const edited = withProperty(text, 'RD-04', 'name', '无条件');
    for (const ifMatch of [undefined, '*', `W/${etag}`]) {
      const response = await editor.write('PUT', '/api/layers/roads', edited, ifMatch ? { 'If-Match': ifMatch } : {});
      expect(response.status).toBe(428);
      expect(response.headers.get('etag')).toBe(etag);
    }
    expect((await editor.layer('roads')).etag).toBe(etag);
  });

  it('answers "no changes" without a new version when the same content is saved again (input rule F9)', async () => {
    const { text, etag } = await editor.layer('roads');
    const versionsBefore = await (await editor.get('/api/layers/roads/versions')).json();
    const response = await editor.putLayer('roads', text, etag);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ changed: false, version: etag.replaceAll('"', '') });
    // A retry of a save whose answer was lost: same bytes, old version, still no conflict.
    const edited = withProperty(text, 'RD-05', 'name', '重试');
    const saved = await editor.putLayer('roads', edited, etag);
    const retried = await editor.putLayer('roads', edited, etag);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ changed: false });
    expect(retried.headers.get('etag')).toBe(saved.headers.get('etag'));
    const versionsAfter = (await (await editor.get('/api/layers/roads/versions')).json()) as { versions: unknown[] };
    expect(versionsAfter.versions.length).toBe((versionsBefore as { versions: unknown[] }).versions.length + 1);
  });

  it('needs confirmation to replace a non-empty layer with an empty one', async () => {
    const { etag } = await editor.layer('lakeshore');
    const empty = JSON.stringify({ type: 'FeatureCollection', features: [] });
    const refused = await editor.putLayer('lakeshore', empty, etag);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { problems: { code: string }[] };
    expect(body.problems.map((problem) => problem.code)).toEqual(['EMPTY_LAYER_NEEDS_CONFIRMATION']);
    const confirmed = await editor.putLayer('lakeshore', empty, etag, '?confirmEmpty=true');
    expect(confirmed.status).toBe(200);
    expect(parseCollection((await server.readStored('lakeshore.geojson')).toString('utf8')).features).toEqual([]);
  });

  it('strips a UTF-8 BOM from what it stores', async () => {
    const { text, etag } = await editor.layer('roads');
    const edited = withProperty(text, 'RD-06', 'name', '带BOM');
    const response = await editor.putLayer('roads', `\uFEFF${edited}`, etag);
    expect(response.status).toBe(200);
    expect((await server.readStored('roads.geojson')).toString('utf8')).toBe(edited);
  });
});
