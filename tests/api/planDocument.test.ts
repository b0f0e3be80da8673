import { writeFile } from 'node:fs/promises';
import { contentVersionOf } from '../../src/data/contentVersion';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli';
import { ADMIN, EDITOR, fileStoreOnly, startApiTestServer, VIEWER, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';
import { openEventStream } from './support/eventStream';
import { editedPlan, layerOf, PLAN_PATH, putPlan, readPlan } from './support/planDocument';

/*
 * The admin's plan, layers.json, is saved as the layers are: conditional on the version the admin
 * edited, checked by the same rules as check-data, audited, kept in versions, restorable, and
 * announced to every open page.
 */

let server: ApiTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  admin = await server.login(ADMIN);
});
afterAll(() => server.close());

const onDisk = async () => (await server.readStored('layers.json')).toString('utf8');

interface Problem {
  path: string;
  code: string;
  message: { zh: string; en: string };
}

async function problemsOf(response: Response): Promise<Problem[]> {
  return ((await response.json()) as { problems: Problem[] }).problems;
}

describe('saving the plan', () => {
  it('an admin changes a target: saved, said in words, audited, listed, served to the app and announced', async () => {
    const events = await openEventStream(server.baseUrl);
    try {
      const { manifest, etag } = await readPlan(admin);
      const changed = editedPlan(manifest, (plan) => {
        const target = layerOf(plan, 'urban-villages').targets.find((candidate) => candidate.id === 'uv-demolish');
        if (target) target.target = 20;
      });
      const response = await putPlan(admin, changed, etag);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { version: string; changes: { text: { zh: string; en: string } }[] };
      expect(body.changes.map((change) => change.text.en)).toEqual(['urban-villages target Urban villages demolished value: 18 → 20']);
      expect(body.changes[0]?.text.zh).toContain('城中村拆除 目标值：18 → 20');
      expect(response.headers.get('etag')).toBe(`"${body.version}"`);

      expect(JSON.parse(await onDisk())).toEqual(changed);
      // What the server accepts, check-data accepts.
      const check = await runCli('checkGeodata.ts', [await server.storedFolder()]);
      expect(check.stdout).toContain('✓');
      expect(check.code).toBe(0);
      const served = await fetch(`${server.baseUrl}/geodata/layers.json`);
      expect(((await served.json()) as typeof changed).layers[0]?.targets[0]?.target).toBe(20);
      await expect.poll(() => events.documentEvents).toContainEqual({ document: 'layers.json', version: body.version });

      const audit = (await (await admin.get('/api/audit?layer=layers.json')).json()) as { records: { user: string; action: string; toVersion: string; changes: unknown[] }[] };
      expect(audit.records[0]).toMatchObject({ user: ADMIN.username, action: 'save', toVersion: body.version });
      expect(audit.records[0]?.changes).toHaveLength(1);
      const versions = (await (await admin.get(`${PLAN_PATH}/versions`)).json()) as { versions: { version: string; current: boolean; summary: { origin: string } }[] };
      expect(versions.versions.map((entry) => entry.summary.origin)).toEqual(['save', 'disk']);
      expect(versions.versions[0]).toMatchObject({ version: body.version, current: true });
    } finally {
      events.close();
    }
  });

  it('refuses a save based on an older version (412) and one that names none (428)', async () => {
    const { manifest, etag } = await readPlan(admin);
    const first = editedPlan(manifest, (plan) => { plan.district.name.en = 'Hubin'; });
    expect((await putPlan(admin, first, etag)).status).toBe(200);
    const second = editedPlan(manifest, (plan) => { plan.district.name.en = 'Lakeside'; });
    const stale = await putPlan(admin, second, etag);
    expect(stale.status).toBe(412);
    expect(JSON.parse(await onDisk())).toEqual(first);
    expect((await putPlan(admin, second, undefined)).status).toBe(428);
  });

  it('lets only admins write: 401 signed out, 403 for editors and viewers, without the CSRF token or from another site', async () => {
    const { manifest, etag } = await readPlan(admin);
    const before = await onDisk();
    const changed = editedPlan(manifest, (plan) => { plan.district.planEnd = '2029-12-31'; });
    expect((await putPlan(server.client(), changed, etag)).status).toBe(401);
    for (const account of [EDITOR, VIEWER]) {
      const response = await putPlan(await server.login(account), changed, etag);
      expect(response.status).toBe(403);
    }
    const body = JSON.stringify(changed);
    const noToken = await admin.request('PUT', PLAN_PATH, { body, headers: { 'If-Match': etag, Origin: server.baseUrl } });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: string }).error).toBe('csrf-token');
    const foreign = await admin.write('PUT', PLAN_PATH, body, { 'If-Match': etag, Origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(await onDisk()).toBe(before);
  });
});

describe('a plan the app could not load is refused, and layers.json stays as it was', () => {
  const refused = async (edit: Parameters<typeof editedPlan>[1]): Promise<Problem[]> => {
    const { manifest, etag } = await readPlan(admin);
    const before = await onDisk();
    const response = await putPlan(admin, editedPlan(manifest, edit), etag);
    expect(response.status).toBe(422);
    expect(await onDisk()).toBe(before);
    return problemsOf(response);
  };

  it('a target value of zero names the layer, the target and the value', async () => {
    const [problem] = await refused((plan) => {
      const target = layerOf(plan, 'roads').targets[0];
      if (target) target.target = 0;
    });
    expect(problem?.path).toBe('/layers/2/targets/0/target');
    expect(problem?.message.zh).toContain('道路');
    expect(problem?.message.zh).toContain('目标 新建道路通车 › 目标值');
  });

  it('a counted status that is not in the layer, and a plan that ends before it starts', async () => {
    const problems = await refused((plan) => {
      layerOf(plan, 'green-space').targets[0]?.countedStatuses.push('finished');
      plan.district.planEnd = '2023-01-01';
    });
    expect(problems.map((problem) => problem.code).sort()).toEqual(['INVALID_PERIOD', 'UNKNOWN_STATUS']);
  });

  it('removing or renaming a status that features use, with how many and which layer', async () => {
    const [removed] = await refused((plan) => {
      const layer = layerOf(plan, 'roads');
      layer.statuses = layer.statuses.filter((status) => status.id !== 'building');
    });
    expect(removed?.code).toBe('STATUS_IN_USE');
    expect(removed?.message.en).toMatch(/: \d+ features of New roads \(roads\) use status building \(Under construction\), so it cannot be removed or renamed/);
    expect(removed?.message.zh).toMatch(/新建道路（roads）有 \d+ 个要素使用状态 building（在建）/);
    const [renamed] = await refused((plan) => {
      const status = layerOf(plan, 'roads').statuses.find((candidate) => candidate.id === 'building');
      if (status) status.id = 'under-construction';
    });
    expect(renamed?.code).toBe('STATUS_IN_USE');
  });

  it('not JSON, or not the shape of a plan', async () => {
    const { etag } = await readPlan(admin);
    const before = await onDisk();
    const notJson = await admin.write('PUT', PLAN_PATH, '{"district":', { 'If-Match': etag });
    expect(notJson.status).toBe(422);
    expect((await problemsOf(notJson))[0]?.code).toBe('INVALID_JSON');
    const noLayers = await putPlan(admin, { district: {} }, etag);
    expect(noLayers.status).toBe(422);
    expect(await onDisk()).toBe(before);
  });
});

describe('history of the plan', () => {
  it('restores a kept version as a new one, audited as a restore', async () => {
    const { manifest, etag } = await readPlan(admin);
    const original = await onDisk();
    const saved = await putPlan(admin, editedPlan(manifest, (plan) => { plan.district.name.zh = '湖滨新区'; }), etag);
    expect(saved.status).toBe(200);
    const savedEtag = saved.headers.get('etag') ?? '';
    const originalVersion = etag.replaceAll('"', '');
    const restored = await admin.write('POST', `${PLAN_PATH}/versions/${originalVersion}/restore`, undefined, { 'If-Match': savedEtag });
    expect(restored.status).toBe(200);
    const body = (await restored.json()) as { changes: { text: { en: string } }[] };
    expect(body.changes.map((change) => change.text.en)).toEqual(['district name (Chinese): 湖滨新区 → 湖滨区']);
    expect(await onDisk()).toBe(original);
    const audit = (await (await admin.get('/api/audit?layer=layers.json&limit=1')).json()) as { records: { action: string; restoredFrom: string }[] };
    expect(audit.records[0]).toMatchObject({ action: 'restore', restoredFrom: originalVersion });
    const savedVersion = savedEtag.replaceAll('"', '');
    const stale = await admin.write('POST', `${PLAN_PATH}/versions/${savedVersion}/restore`, undefined, { 'If-Match': savedEtag });
    expect(stale.status).toBe(412);
  });

  fileStoreOnly('announces an edit of layers.json made on disk, and keeps it as a version at the next save', async () => {
    const events = await openEventStream(server.baseUrl);
    try {
      const { manifest } = await readPlan(admin);
      const edited = Buffer.from(`${JSON.stringify(editedPlan(manifest, (plan) => { plan.district.name.en = 'Edited on disk'; }), null, 2)}\n`);
      await writeFile(join(server.geodataDirectory, 'layers.json'), edited);
      await expect.poll(() => events.documentEvents, { timeout: 5000 }).toContainEqual({ document: 'layers.json', version: contentVersionOf(edited) });
      const { etag } = await readPlan(admin);
      expect((await putPlan(admin, editedPlan(manifest, (plan) => { plan.district.name.en = 'Saved after'; }), etag)).status).toBe(200);
      const versions = (await (await admin.get(`${PLAN_PATH}/versions`)).json()) as { versions: { version: string; summary: { origin: string } }[] };
      expect(versions.versions[1]).toMatchObject({ version: contentVersionOf(edited), summary: { origin: 'disk' } });
    } finally {
      events.close();
    }
  });

  it('an unknown document is not found, and a viewer reads the plan and its versions without user names', async () => {
    expect((await server.client().get('/api/documents/accounts.json')).status).toBe(404);
    expect((await server.client().get('/api/documents/..%2Flayers.json')).status).toBe(404);
    const versions = (await (await server.client().get(`${PLAN_PATH}/versions`)).json()) as { versions: Record<string, unknown>[] };
    expect(versions.versions.length).toBeGreaterThan(0);
    expect(versions.versions.every((entry) => !('user' in entry))).toBe(true);
  });
});
