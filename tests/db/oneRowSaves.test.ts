import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectVersionOf, rawProjectsOf } from '../../src/data/projectVersion';
import type { RawProject } from '../../src/domain/changes/mergeProjectEdits';
import type { ApiClient } from '../api/support/apiClient';
import { SECOND_EDITOR, startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';
import { expectTruthfulHistory, listVersions } from '../api/support/layerHistory';

/*
 * Project saves on the one-row path (PLAN_MAP_ONE_ROW_SAVE_FROM=0: every layer, so the bundled
 * district's layers take it): only the project's row changes, concurrent saves of different
 * projects both land, the same project is refused with both versions, and history, restore, the
 * whole-layer read and the export hold what the file store holds after the same saves, byte for byte.
 */

const LAYER = 'urban-villages';
let database: ApiTestServer;
let files: ApiTestServer;
let first: ApiClient;
let second: ApiClient;
let filesEditor: ApiClient;

beforeAll(async () => {
  vi.stubEnv('PLAN_MAP_ONE_ROW_SAVE_FROM', '0');
  database = await startApiTestServer();
  // The same district in the file store, for the bytes it writes after the same saves.
  vi.stubEnv('PLAN_MAP_TEST_STORE', 'files');
  files = await startApiTestServer();
  vi.unstubAllEnvs();
  [first, second, filesEditor] = await Promise.all([database.login(), database.login(SECOND_EDITOR), files.login()]);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await files?.close();
});

const featurePath = (id: string) => `/api/layers/${LAYER}/features/${encodeURIComponent(id)}`;

async function readProject(client: ApiClient, id: string): Promise<{ feature: RawProject; version: string }> {
  const response = await client.get(featurePath(id));
  expect(response.status).toBe(200);
  return (await response.json()) as { feature: RawProject; version: string };
}

function putProject(client: ApiClient, feature: RawProject, headers: Record<string, string>): Promise<Response> {
  return client.write('PUT', featurePath(String(feature.id)), JSON.stringify(feature), { 'Content-Type': 'application/geo+json', ...headers });
}

const noted = (project: RawProject, note: string): RawProject => ({ ...project, properties: { ...(project.properties as Record<string, unknown>), note } });

/** The layer's rows as the database holds them: each project's row version (xmin) and own version. */
async function rowStamps(): Promise<Map<string, string>> {
  const pool = database.databaseSchema?.open();
  if (!pool) throw new Error('not the database suite');
  try {
    const { rows } = await pool.pool.query<{ feature_id: string; xmin: string; version: string }>('SELECT feature_id, xmin::text AS xmin, version FROM plan_feature WHERE layer = $1', [LAYER]);
    return new Map(rows.map((row) => [row.feature_id, `${row.xmin}/${row.version}`]));
  } finally {
    await pool.pool.end();
  }
}

async function layerRow(): Promise<{ bytes: Buffer; revision: string; bytes_version: string | null; feature_count: number }> {
  const pool = database.databaseSchema?.open();
  if (!pool) throw new Error('not the database suite');
  try {
    const { rows } = await pool.pool.query<{ bytes: Buffer; revision: string; bytes_version: string | null; feature_count: number }>(
      'SELECT bytes, revision, bytes_version, feature_count FROM plan_layer WHERE id = $1',
      [LAYER],
    );
    const row = rows[0];
    if (!row) throw new Error('no layer row');
    return row;
  } finally {
    await pool.pool.end();
  }
}

/**
 * The same project save on both stores, each answer's status. The body is the file store's project
 * changed (the database's rows give properties back in jsonb's key order, not the layer's), and
 * its version, which both stores agree on, is the If-Match.
 */
async function onBoth(change: (project: RawProject) => RawProject | null, id: string, add?: RawProject): Promise<number[]> {
  const stored = add ? null : await readProject(filesEditor, id);
  return Promise.all([first, filesEditor].map(async (client) => {
    if (add) return (await putProject(client, add, { 'If-None-Match': '*' })).status;
    if (!stored) throw new Error('unreachable');
    const next = change(stored.feature);
    const response = next
      ? await putProject(client, next, { 'If-Match': `"${stored.version}"` })
      : await client.write('DELETE', featurePath(id), undefined, { 'If-Match': `"${stored.version}"` });
    return response.status;
  }));
}

describe('a project saved on the one-row path', () => {
  it('changes its row alone: every other row keeps its row version, the layer bytes wait, the revision grows', async () => {
    const before = await rowStamps();
    const layerBefore = await layerRow();
    const project = await readProject(first, 'UV-002');
    const saved = await putProject(first, noted(project.feature, '只改这一行'), { 'If-Match': `"${project.version}"` });
    expect(saved.status).toBe(200);
    const after = await rowStamps();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [id, stamp] of before) {
      if (id === 'UV-002') expect(after.get(id)).not.toBe(stamp);
      else expect(after.get(id), id).toBe(stamp);
    }
    const layerAfter = await layerRow();
    expect(layerAfter.bytes.equals(layerBefore.bytes)).toBe(true);
    expect(layerAfter.bytes_version).not.toBeNull();
    expect(BigInt(layerAfter.revision)).toBe(BigInt(layerBefore.revision) + 1n);
    expect(layerAfter.feature_count).toBe(layerBefore.feature_count);
    expect((await readProject(second, 'UV-002')).feature.properties).toMatchObject({ note: '只改这一行' });
  });

  it('lands both of two concurrent saves of different projects', async () => {
    const [a, b] = await Promise.all([readProject(first, 'UV-003'), readProject(second, 'UV-004')]);
    const answers = await Promise.all([
      putProject(first, noted(a.feature, '甲 同时'), { 'If-Match': `"${a.version}"` }),
      putProject(second, noted(b.feature, '乙 同时'), { 'If-Match': `"${b.version}"` }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const { text, version } = await first.layer(LAYER);
    const projects = rawProjectsOf(Buffer.from(text));
    expect(projects.find((project) => project.id === 'UV-003')?.properties).toMatchObject({ note: '甲 同时' });
    expect(projects.find((project) => project.id === 'UV-004')?.properties).toMatchObject({ note: '乙 同时' });
    await expectTruthfulHistory(first, LAYER, version);
  });

  it('refuses a save of the same project changed meanwhile with 412 naming both versions, and writes nothing', async () => {
    const original = await readProject(first, 'UV-005');
    const theirs = noted(original.feature, '先到的');
    expect((await putProject(second, theirs, { 'If-Match': `"${original.version}"` })).status).toBe(200);
    const stamps = await rowStamps();
    const layerBefore = await layerRow();
    const mine = noted(original.feature, '后到的');
    const refused = await putProject(first, mine, { 'If-Match': `"${original.version}"` });
    expect(refused.status).toBe(412);
    const body = (await refused.json()) as { conflicts: unknown[] };
    expect(body.conflicts).toEqual([{ id: 'UV-005', name: (original.feature.properties as { name: string }).name, yourVersion: projectVersionOf(mine), currentVersion: (await readProject(first, 'UV-005')).version }]);
    expect(await rowStamps()).toEqual(stamps);
    expect((await layerRow()).revision).toBe(layerBefore.revision);
  });

  it('names a project invalid alone by its place in the layer, as a whole-layer save would, and writes nothing', async () => {
    const project = await readProject(first, 'UV-006');
    const stamps = await rowStamps();
    const answer = await putProject(first, { ...project.feature, properties: { ...(project.feature.properties as Record<string, unknown>), status: 'no-such-status' } }, { 'If-Match': `"${project.version}"` });
    expect(answer.status).toBe(422);
    const { problems } = (await answer.json()) as { problems: { featureIndex?: number; featureId?: string; path: string }[] };
    const place = rawProjectsOf(Buffer.from((await first.layer(LAYER)).text)).findIndex((candidate) => candidate.id === 'UV-006');
    expect(problems).toContainEqual(expect.objectContaining({ featureIndex: place, featureId: 'UV-006', path: `/features/${place}/properties/status` }));
    expect(await rowStamps()).toEqual(stamps);
  });
});

describe('after one-row saves', () => {
  it('holds, reads, lists and exports what the file store holds after the same saves, byte for byte', async () => {
    // Both stores start from the same layer: bring the file store to the database's.
    const { text: dbText } = await first.layer(LAYER);
    const filesNow = await filesEditor.layer(LAYER);
    expect((await filesEditor.putLayer(LAYER, dbText, filesNow.etag)).status).toBe(200);
    const template = (await readProject(filesEditor, 'UV-001')).feature;
    const added: RawProject = { ...template, id: 'UV-ROW-NEW', properties: { ...(template.properties as Record<string, unknown>), name: '新增的一行' } };

    expect(await onBoth((project) => noted(project, '第一次'), 'UV-007')).toEqual([200, 200]);
    expect(await onBoth(() => null, 'UV-008', added)).toEqual([200, 200]);
    expect(await onBoth(() => null, 'UV-009')).toEqual([200, 200]);
    expect(await onBoth((project) => noted(project, '第二次'), 'UV-ROW-NEW')).toEqual([200, 200]);
    expect(await onBoth((project) => noted(project, '第二次'), 'UV-007')).toEqual([200, 200]);

    const fileBytes = await readFile(join(files.geodataDirectory, `${LAYER}.geojson`));
    const live = await first.layer(LAYER);
    expect(Buffer.from(live.text).equals(fileBytes)).toBe(true);

    // Each kept version's bytes and size, newest first, are the file store's.
    const [dbVersions, fileVersions] = await Promise.all([listVersions(first, LAYER), listVersions(filesEditor, LAYER)]);
    const kept = async (client: ApiClient, version: string) => Buffer.from(await (await client.get(`/api/layers/${LAYER}/versions/${version}`)).arrayBuffer());
    for (let index = 0; index < 5; index += 1) {
      const [dbEntry, fileEntry] = [dbVersions.versions[index], fileVersions.versions[index]];
      if (!dbEntry || !fileEntry) throw new Error('fewer versions than saves');
      expect((await kept(first, dbEntry.version)).equals(await kept(filesEditor, fileEntry.version)), `version ${index}`).toBe(true);
      expect((dbEntry as { sizeBytes?: number }).sizeBytes, `size of version ${index}`).toBe((fileEntry as { sizeBytes?: number }).sizeBytes);
      // The whole-layer save's area delta is a difference of two layer sums, the one-row save's the project's own: equal but for rounding.
      const area = (entry: typeof dbEntry) => (entry.summary as unknown as { totalAreaDeltaSquareMeters: number }).totalAreaDeltaSquareMeters;
      expect({ ...dbEntry.summary, totalAreaDeltaSquareMeters: 0 }).toEqual({ ...fileEntry.summary, totalAreaDeltaSquareMeters: 0 });
      expect(area(dbEntry)).toBeCloseTo(area(fileEntry), 6);
    }
    await expectTruthfulHistory(first, LAYER, live.version);

    const exported = await readFile(join(await database.storedFolder(), `${LAYER}.geojson`));
    expect(exported.equals(fileBytes)).toBe(true);

    // The layer's count and measure sums, kept by each save's change, are its rows' own.
    const pool = database.databaseSchema?.open();
    if (!pool) throw new Error('not the database suite');
    try {
      const { rows } = await pool.pool.query<{ count: number; kept_count: number; area: number; kept_area: number }>(
        `SELECT (SELECT count(*)::int FROM plan_feature WHERE layer = $1) AS count, feature_count AS kept_count,
                (SELECT sum(area_square_meters) FROM plan_feature WHERE layer = $1) AS area, feature_area_total AS kept_area
           FROM plan_layer WHERE id = $1`,
        [LAYER],
      );
      expect(rows[0]?.kept_count).toBe(rows[0]?.count);
      expect(rows[0]?.kept_area).toBeCloseTo(rows[0]?.area ?? Number.NaN, 3);
    } finally {
      await pool.pool.end();
    }
  });

  it('restores a version a one-row save made, as the bytes that version held', async () => {
    const project = await readProject(first, 'UV-010');
    expect((await putProject(first, noted(project.feature, '恢复前'), { 'If-Match': `"${project.version}"` })).status).toBe(200);
    const { versions } = await listVersions(first, LAYER);
    const target = versions[1];
    if (!target) throw new Error('no earlier version');
    const targetBytes = Buffer.from(await (await first.get(`/api/layers/${LAYER}/versions/${target.version}`)).arrayBuffer());
    const live = await first.layer(LAYER);
    const restored = await first.write('POST', `/api/layers/${LAYER}/versions/${target.version}/restore`, undefined, { 'If-Match': live.etag });
    expect(restored.status).toBe(200);
    const after = await first.layer(LAYER);
    expect(Buffer.from(after.text).equals(targetBytes)).toBe(true);
    expect((await readProject(second, 'UV-010')).version).toBe(project.version);
    await expectTruthfulHistory(first, LAYER, after.version);
    // And one-row saves go on from the restored layer.
    const again = await readProject(first, 'UV-010');
    expect((await putProject(first, noted(again.feature, '恢复后'), { 'If-Match': `"${again.version}"` })).status).toBe(200);
  });
});
