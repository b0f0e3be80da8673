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

describe('one project at a time (/api/layers/:id/features/:featureId)', () => {
  const featurePath = (id: string) => `/api/layers/${LAYER}/features/${encodeURIComponent(id)}`;
  const readProject = async (client: ApiClient, id: string) => {
    const response = await client.get(featurePath(id));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { feature: { id: string; properties: Record<string, unknown> }; version: string; layerVersion: string };
    expect(response.headers.get('etag')).toBe(`"${body.version}"`);
    return body;
  };
  const putProject = (client: ApiClient, id: string, feature: unknown, headers: Record<string, string>) =>
    client.write('PUT', featurePath(id), JSON.stringify(feature), { 'Content-Type': 'application/geo+json', ...headers });

  it('saves two editors’ different projects without a conflict, each answer naming the project’s new version', async () => {
    const [a, b] = await Promise.all([readProject(first, 'UV-010'), readProject(second, 'UV-011')]);
    const savedA = await putProject(first, 'UV-010', { ...a.feature, properties: { ...a.feature.properties, note: '甲 单项' } }, { 'If-Match': `"${a.version}"` });
    const savedB = await putProject(second, 'UV-011', { ...b.feature, properties: { ...b.feature.properties, note: '乙 单项' } }, { 'If-Match': `"${b.version}"` });
    expect([savedA.status, savedB.status]).toEqual([200, 200]);
    const answerB = (await savedB.json()) as { featureVersion: string; version: string };
    expect(savedB.headers.get('etag')).toBe(`"${answerB.featureVersion}"`);

    const stored = (await server.readStored(`${LAYER}.geojson`)).toString('utf8');
    expect(projectIn(stored, 'UV-010')?.properties.note).toBe('甲 单项');
    expect(projectIn(stored, 'UV-011')?.properties.note).toBe('乙 单项');
    expect(contentVersionOf(Buffer.from(stored))).toBe(answerB.version);
    expect((await readProject(first, 'UV-011')).version).toBe(answerB.featureVersion);
    await expectTruthfulHistory(first, LAYER, answerB.version);
  });

  it('refuses a save of a project changed meanwhile with 412 naming both versions, and keeps the other editor’s change', async () => {
    const original = await readProject(first, 'UV-012');
    const theirs = { ...original.feature, properties: { ...original.feature.properties, note: '先到的' } };
    expect((await putProject(second, 'UV-012', theirs, { 'If-Match': `"${original.version}"` })).status).toBe(200);
    const mine = { ...original.feature, properties: { ...original.feature.properties, note: '后到的' } };
    const refused = await putProject(first, 'UV-012', mine, { 'If-Match': `"${original.version}"` });
    expect(refused.status).toBe(412);
    const body = (await refused.json()) as { conflicts: unknown[] };
    const stored = (await server.readStored(`${LAYER}.geojson`)).toString('utf8');
    const live = rawProjectsOf(Buffer.from(stored)).find((project) => project.id === 'UV-012');
    if (!live) throw new Error('UV-012 is gone');
    expect(body.conflicts).toEqual([{ id: 'UV-012', name: original.feature.properties.name, yourVersion: projectVersionOf(mine), currentVersion: projectVersionOf(live) }]);
    expect(projectIn(stored, 'UV-012')?.properties.note).toBe('先到的');
  });

  it('adds a project with If-None-Match: *, refuses a second add under that id, validates it in the layer, and removes it', async () => {
    const template = (await readProject(first, 'UV-001')).feature;
    const fresh = { ...template, id: 'UV-ADDED', properties: { ...template.properties, name: '单项新增' } };
    const added = await putProject(first, 'UV-ADDED', fresh, { 'If-None-Match': '*' });
    expect(added.status).toBe(200);
    // The same content again, as a retry whose answer was lost: nothing to do.
    const retried = await putProject(second, 'UV-ADDED', fresh, { 'If-None-Match': '*' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ changed: false });
    const other = await putProject(second, 'UV-ADDED', { ...fresh, properties: { ...fresh.properties, name: '另一个' } }, { 'If-None-Match': '*' });
    expect(other.status).toBe(412);

    const invalid = await putProject(first, 'UV-BAD', { ...fresh, id: 'UV-BAD', properties: { ...fresh.properties, status: 'teleported' } }, { 'If-None-Match': '*' });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(await invalid.json())).toContain('UV-BAD');
    // A body whose id is not the address's, and a save naming no version, are refused before anything is read.
    expect((await putProject(first, 'UV-ELSE', fresh, { 'If-None-Match': '*' })).status).toBe(422);
    expect((await putProject(first, 'UV-ADDED', fresh, {})).status).toBe(428);

    const { version } = await readProject(first, 'UV-ADDED');
    const removed = await first.write('DELETE', featurePath('UV-ADDED'), undefined, { 'If-Match': `"${version}"` });
    expect(removed.status).toBe(200);
    expect(projectIn((await server.readStored(`${LAYER}.geojson`)).toString('utf8'), 'UV-ADDED')).toBeUndefined();
    expect((await first.get(featurePath('UV-ADDED'))).status).toBe(404);
  });
});
