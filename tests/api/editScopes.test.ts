import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { EDITOR, projectDirectory, startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { listVersions, readWholeAudit } from './support/layerHistory';
import { parseCollection, withProperty } from './support/layerEdits';

/*
 * An editor limited to 太和街道's urban villages (an editing scope, README: Saving changes): the server refuses, under the
 * layer's lock, every save that touches a project outside that scope, and writes nothing then.
 */

const LAYER = 'urban-villages';
const SCOPED = { username: '王工', password: 'scoped-password-1', role: 'editor' as const, scope: { subDistricts: ['太和街道'], layers: [LAYER] } };

let server: ApiTestServer;
let scoped: ApiClient;
let unscoped: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  // The test server's geodata has no basemap; the sub-district boundaries tell where a moved project lies.
  await mkdir(join(server.geodataDirectory, 'basemap'), { recursive: true });
  await copyFile(join(projectDirectory, 'geodata', 'basemap', 'streets.geojson'), join(server.geodataDirectory, 'basemap', 'streets.geojson'));
  await server.writeAccounts([{ ...EDITOR, role: 'editor' }, SCOPED]);
  scoped = await server.login(SCOPED);
  unscoped = await server.login(EDITOR);
});
afterAll(() => server.close());

function villageIn(text: string, street: string): PlanFeature {
  const found = parseCollection(text).features.find((feature) => feature.properties.street === street);
  if (!found) throw new Error(`the sample has an urban village in ${street}`);
  return found;
}

function withFeature(text: string, feature: PlanFeature): string {
  const collection = parseCollection(text);
  return JSON.stringify({ ...collection, features: collection.features.map((candidate) => (candidate.id === feature.id ? feature : candidate)) });
}

/** Everything a refused save must leave as it was: the file's bytes, its version, its history and the audit log. */
async function layerState(layer: string) {
  const live = await unscoped.layer(layer);
  return {
    bytes: await server.readStored(`${layer}.geojson`),
    version: live.version,
    versions: await listVersions(unscoped, layer),
    audit: await readWholeAudit(unscoped, undefined),
  };
}

interface ForbiddenBody {
  error: string;
  message: { zh: string; en: string };
  features: { id: string; name: string; reason: string; subDistrict?: string; message: { zh: string; en: string }; fix: { zh: string; en: string } }[];
}

async function expectRefused(response: Response, layer: string, before: Awaited<ReturnType<typeof layerState>>): Promise<ForbiddenBody> {
  expect(response.status).toBe(403);
  const body = (await response.json()) as ForbiddenBody;
  expect(body.error).toBe('outside-edit-scope');
  expect(body.message.zh).toContain('未保存');
  expect(body.message.en).toContain('nothing was saved');
  for (const feature of body.features) {
    expect(feature.message.zh.length).toBeGreaterThan(0);
    expect(feature.fix.en.length).toBeGreaterThan(0);
  }
  expect(await layerState(layer)).toEqual(before);
  return body;
}

describe('an editor limited to sub-districts and layers', () => {
  it('is told its scope by /api/session; an editor without one is told null', async () => {
    expect(await (await scoped.get('/api/session')).json()).toMatchObject({ user: '王工', role: 'editor', scope: SCOPED.scope });
    expect(await (await unscoped.get('/api/session')).json()).toMatchObject({ user: EDITOR.username, scope: null });
  });

  it('saves a change to a project of its sub-district', async () => {
    const { text, etag } = await scoped.layer(LAYER);
    const taihe = villageIn(text, '太和街道');
    const response = await scoped.putLayer(LAYER, withProperty(text, taihe.id, 'households', 101), etag);
    expect(response.status).toBe(200);
    expect(villageIn((await scoped.layer(LAYER)).text, '太和街道').properties.households).toBe(101);
  });

  it('is refused a change to a project of another sub-district, named with why and the fix; nothing is written', async () => {
    const before = await layerState(LAYER);
    const { text, etag } = await scoped.layer(LAYER);
    const fuhai = villageIn(text, '福海街道');
    const taihe = villageIn(text, '太和街道');
    const both = withProperty(withProperty(text, fuhai.id, 'households', 7), taihe.id, 'households', 102);
    const body = await expectRefused(await scoped.putLayer(LAYER, both, etag), LAYER, before);
    expect(body.features).toEqual([expect.objectContaining({ id: fuhai.id, name: fuhai.properties.name, reason: 'sub-district', subDistrict: '福海街道' })]);
    expect(body.features[0]?.message.zh).toContain('太和街道');
  });

  it('is refused any change to a layer outside its scope', async () => {
    const before = await layerState('schools');
    const { text, etag } = await scoped.layer('schools');
    const school = parseCollection(text).features.find((feature) => feature.properties.street === '太和街道');
    if (!school) throw new Error('the sample has a school in 太和街道');
    const body = await expectRefused(await scoped.putLayer('schools', withProperty(text, school.id, 'note', '核查'), etag), 'schools', before);
    expect(body.features).toEqual([expect.objectContaining({ id: school.id, name: school.properties.name, reason: 'layer' })]);
  });

  it('is refused moving a project out of its sub-district, by its shape or by the sub-district it names', async () => {
    const before = await layerState(LAYER);
    const { text, etag } = await scoped.layer(LAYER);
    const taihe = villageIn(text, '太和街道');
    const fuhai = villageIn(text, '福海街道');
    const moved = await expectRefused(await scoped.putLayer(LAYER, withFeature(text, { ...taihe, geometry: fuhai.geometry }), etag), LAYER, before);
    expect(moved.features).toEqual([expect.objectContaining({ id: taihe.id, reason: 'sub-district', subDistrict: '福海街道' })]);
    const renamed = await expectRefused(await scoped.putLayer(LAYER, withProperty(text, taihe.id, 'street', '福海街道'), etag), LAYER, before);
    expect(renamed.features).toEqual([expect.objectContaining({ id: taihe.id, reason: 'sub-district' })]);
  });

  it('restores a version only when the restore touches nothing outside its scope', async () => {
    // The unscoped editor changes a 福海 village: restoring the version before it would undo that change.
    const start = await unscoped.layer(LAYER);
    const fuhai = villageIn(start.text, '福海街道');
    const theirs = await unscoped.putLayer(LAYER, withProperty(start.text, fuhai.id, 'households', 55), start.etag);
    expect(theirs.status).toBe(200);
    const before = await layerState(LAYER);
    const refused = await scoped.write('POST', `/api/layers/${LAYER}/versions/${start.version}/restore`, undefined, { 'If-Match': `"${before.version}"` });
    const body = await expectRefused(refused, LAYER, before);
    expect(body.features).toEqual([expect.objectContaining({ id: fuhai.id, reason: 'sub-district' })]);

    // A version that differs from the live one in 太和 only is the scoped editor's to restore.
    const mine = await scoped.layer(LAYER);
    const taihe = villageIn(mine.text, '太和街道');
    expect((await scoped.putLayer(LAYER, withProperty(mine.text, taihe.id, 'households', 103), mine.etag)).status).toBe(200);
    const live = await scoped.layer(LAYER);
    const restored = await scoped.write('POST', `/api/layers/${LAYER}/versions/${mine.version}/restore`, undefined, { 'If-Match': live.etag });
    expect(restored.status).toBe(200);
    expect((await scoped.layer(LAYER)).text).toBe(mine.text);
  });

  it('leaves an editor without a scope free to change any sub-district and layer', async () => {
    const { text, etag } = await unscoped.layer('schools');
    const school = parseCollection(text).features.find((feature) => feature.properties.street !== '太和街道');
    if (!school) throw new Error('the sample has schools outside 太和街道');
    expect((await unscoped.putLayer('schools', withProperty(text, school.id, 'note', '核查'), etag)).status).toBe(200);
  });
});
