import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentVersionOf } from '../../src/data/contentVersion';
import { projectVersionOf, rawProjectsOf } from '../../src/data/projectVersion';
import type { ApiClient } from './support/apiClient';
import { SECOND_EDITOR, startApiTestServer, type ApiTestServer } from './support/apiTestServer';
import { parseCollection, withProperty } from './support/layerEdits';
import { expectTruthfulHistory, readWholeAudit } from './support/layerHistory';

/*
 * Two editors who loaded the same version of a layer and changed different projects both get
 * their change saved when the second asks to merge by project (X-Plan-Map-Merge: projects); two
 * who changed the same project get 412 naming it, with both of its versions. Both stores.
 */

const LAYER = 'urban-villages';
let server: ApiTestServer;
let first: ApiClient;
let second: ApiClient;

const mergingPut = (client: ApiClient, text: string, etag: string): Promise<Response> =>
  client.write('PUT', `/api/layers/${LAYER}`, text, { 'If-Match': etag, 'Content-Type': 'application/geo+json', 'X-Plan-Map-Merge': 'projects' });

const projectIn = (text: string, id: string) => parseCollection(text).features.find((feature) => feature.id === id);

beforeAll(async () => {
  server = await startApiTestServer();
  [first, second] = await Promise.all([server.login(), server.login(SECOND_EDITOR)]);
});
afterAll(() => server.close());

describe('two editors, one layer', () => {
  it('saves both when they changed different projects, the second merged onto the first and told to reload', async () => {
    const { text, etag } = await first.layer(LAYER);
    const firstEdit = withProperty(text, 'UV-001', 'name', '甲 改名');
    const secondEdit = withProperty(text, 'UV-002', 'name', '乙 改名');
    const saved = await first.putLayer(LAYER, firstEdit, etag);
    expect(saved.status).toBe(200);
    const firstVersion = contentVersionOf(Buffer.from(firstEdit));

    const merged = await mergingPut(second, secondEdit, etag);
    expect(merged.status).toBe(200);
    const body = (await merged.json()) as { version: string; merged: boolean; basedOn: string; fromVersion: string; diff: { changed: string[] } };
    expect(body).toMatchObject({ merged: true, basedOn: etag.replaceAll('"', ''), fromVersion: firstVersion, diff: { changed: ['UV-002'] } });

    const stored = (await server.readStored(`${LAYER}.geojson`)).toString('utf8');
    expect(contentVersionOf(Buffer.from(stored))).toBe(body.version);
    expect(projectIn(stored, 'UV-001')?.properties.name).toBe('甲 改名');
    expect(projectIn(stored, 'UV-002')?.properties.name).toBe('乙 改名');
    // Nothing else moved: every other project is as the first editor left it.
    const others = (source: string) => rawProjectsOf(Buffer.from(source)).filter((project) => project.id !== 'UV-002');
    expect(others(stored)).toEqual(others(firstEdit));

    const [record] = await readWholeAudit(second, LAYER, 1);
    expect(record).toMatchObject({ user: SECOND_EDITOR.username, fromVersion: firstVersion, toVersion: body.version });
    expect((record as unknown as { basedOn?: string }).basedOn).toBe(body.basedOn);
    await expectTruthfulHistory(second, LAYER, body.version);
  });

  it('refuses with 412 when both changed the same project, naming it with both of its versions, and stores nothing', async () => {
    const { text, etag } = await first.layer(LAYER);
    const firstEdit = withProperty(text, 'UV-003', 'name', '甲 的名字');
    const secondEdit = withProperty(text, 'UV-003', 'name', '乙 的名字');
    expect((await first.putLayer(LAYER, firstEdit, etag)).status).toBe(200);
    const before = await server.readStored(`${LAYER}.geojson`);

    const refused = await mergingPut(second, secondEdit, etag);
    expect(refused.status).toBe(412);
    const body = (await refused.json()) as { currentVersion: string; conflicts: { id: string; name: string; yourVersion: string; currentVersion: string }[] };
    const mine = rawProjectsOf(Buffer.from(secondEdit)).find((project) => project.id === 'UV-003');
    const theirs = rawProjectsOf(before).find((project) => project.id === 'UV-003');
    if (!mine || !theirs) throw new Error('UV-003 is missing');
    expect(body.currentVersion).toBe(contentVersionOf(before));
    expect(body.conflicts).toEqual([{ id: 'UV-003', name: '乙 的名字', yourVersion: projectVersionOf(mine), currentVersion: projectVersionOf(theirs) }]);
    expect(await server.readStored(`${LAYER}.geojson`)).toEqual(before);
  });

  it('without the merge header a save based on an older version stays a plain 412, as clients that cannot reload expect', async () => {
    const { text, etag } = await first.layer(LAYER);
    expect((await first.putLayer(LAYER, withProperty(text, 'UV-004', 'name', '甲 再改'), etag)).status).toBe(200);
    const before = await server.readStored(`${LAYER}.geojson`);
    const refused = await second.putLayer(LAYER, withProperty(text, 'UV-005', 'name', '乙 再改'), etag);
    expect(refused.status).toBe(412);
    expect(await refused.json()).not.toHaveProperty('conflicts');
    expect(await server.readStored(`${LAYER}.geojson`)).toEqual(before);
  });

  it('takes the same new project added by both as no conflict: the second save changes nothing and the layer holds it once', async () => {
    const { text, etag } = await first.layer(LAYER);
    const collection = parseCollection(text);
    const template = collection.features[0];
    if (!template) throw new Error('empty layer');
    const added = { ...template, id: 'UV-NEW', properties: { ...template.properties, name: '新增项目' } };
    const withAdded = JSON.stringify({ ...collection, features: [...collection.features, added] });
    expect((await first.putLayer(LAYER, withAdded, etag)).status).toBe(200);
    const same = await mergingPut(second, withAdded, etag);
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ changed: false });
    expect(parseCollection((await server.readStored(`${LAYER}.geojson`)).toString('utf8')).features.filter((feature) => feature.id === 'UV-NEW')).toHaveLength(1);
  });
});
