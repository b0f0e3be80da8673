import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatumShifts } from '../../src/domain/datum/datumShiftProfile';
import { runCli } from '../support/runCli';
import { ADMIN, EDITOR, startApiTestServer, VIEWER, type ApiTestServer } from './support/apiTestServer';
import type { ApiClient } from './support/apiClient';

/*
 * The bureau's datum-shift profiles, datum-shifts.json, are saved as the plan is: by admins,
 * conditional, checked as check-data checks them, audited in words, kept and restorable. The
 * parameters may be confidential, so only signed-in editors and admins read them.
 */

const PATH = '/api/documents/datum-shifts.json';

const PROFILE: DatumShifts['profiles'][number] = {
  name: '西安80-七参数',
  method: 'bursa-wolf-7',
  sourceCrs: 'EPSG:2383',
  convention: 'position-vector',
  dxMeters: 12.3,
  dyMeters: -85.3,
  dzMeters: -47.1,
  rxArcSeconds: 1.21,
  ryArcSeconds: -0.86,
  rzArcSeconds: 2.37,
  scalePpm: -2.8,
};

let server: ApiTestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startApiTestServer();
  admin = await server.login(ADMIN);
});
afterAll(() => server.close());

const onDisk = async () => (await server.readStored('datum-shifts.json')).toString('utf8');

async function current(client: ApiClient): Promise<{ shifts: DatumShifts; etag: string }> {
  const response = await client.get(PATH);
  expect(response.status).toBe(200);
  return { shifts: (await response.json()) as DatumShifts, etag: response.headers.get('etag') ?? '' };
}

const put = (client: ApiClient, shifts: unknown, etag: string): Promise<Response> =>
  client.write('PUT', PATH, JSON.stringify(shifts), { 'If-Match': etag, 'Content-Type': 'application/json' });

describe('saving datum-shifts.json', () => {
  it('an admin adds a profile, then changes dx: saved, said in words, audited, checked like check-data', async () => {
    const { shifts, etag } = await current(admin);
    const added = await put(admin, { ...shifts, profiles: [PROFILE] }, etag);
    expect(added.status).toBe(200);
    expect(((await added.json()) as { changes: { text: { en: string } }[] }).changes.map((change) => change.text.en)).toEqual(['profile 西安80-七参数 added']);

    const changed = await put(admin, { ...shifts, profiles: [{ ...PROFILE, dxMeters: 12.5 }] }, added.headers.get('etag') ?? '');
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { version: string; changes: { text: { zh: string; en: string } }[] };
    expect(body.changes.map((change) => change.text.en)).toEqual(['profile 西安80-七参数: dx 12.3 m → 12.5 m']);
    expect(body.changes[0]?.text.zh).toBe('转换参数 西安80-七参数：dx 12.3 m → 12.5 m');
    expect((JSON.parse(await onDisk()) as DatumShifts).profiles[0]?.dxMeters).toBe(12.5);

    const check = await runCli('checkGeodata.ts', [await server.storedFolder()]);
    expect(check.code).toBe(0);
    const audit = (await (await admin.get('/api/audit?layer=datum-shifts.json&limit=1')).json()) as { records: { user: string; action: string; toVersion: string }[] };
    expect(audit.records[0]).toMatchObject({ user: ADMIN.username, action: 'save', toVersion: body.version });
  });

  it('refuses a stale save (412), an editor (403), a reader who is not signed in (401)', async () => {
    const { shifts, etag } = await current(admin);
    const first = await put(admin, { ...shifts, profiles: shifts.profiles.map((profile) => ({ ...profile, description: 'first' })) }, etag);
    expect(first.status).toBe(200);
    const before = await onDisk();
    expect((await put(admin, { ...shifts, profiles: [] }, etag)).status).toBe(412);
    expect((await put(await server.login(EDITOR), { ...shifts, profiles: [] }, first.headers.get('etag') ?? '')).status).toBe(403);
    expect((await put(server.client(), { ...shifts, profiles: [] }, first.headers.get('etag') ?? '')).status).toBe(401);
    expect(await onDisk()).toBe(before);
  });

  it('refuses what check-data refuses (two profiles of one name, a bad EPSG code), the file unchanged', async () => {
    const { shifts, etag } = await current(admin);
    const before = await onDisk();
    const twice = await put(admin, { ...shifts, profiles: [PROFILE, PROFILE] }, etag);
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as { problems: { code: string }[] }).problems.map((problem) => problem.code)).toEqual(['DUPLICATE_ID']);
    expect((await put(admin, { profiles: [{ ...PROFILE, sourceCrs: '2383' }] }, etag)).status).toBe(422);
    expect((await admin.write('PUT', PATH, '{"profiles":', { 'If-Match': etag })).status).toBe(422);
    expect(await onDisk()).toBe(before);
  });

  it('restores a kept version as a new one, audited as a restore', async () => {
    const { shifts, etag } = await current(admin);
    const original = await onDisk();
    const saved = await put(admin, { ...shifts, profiles: [] }, etag);
    expect(saved.status).toBe(200);
    const restored = await admin.write('POST', `${PATH}/versions/${etag.replaceAll('"', '')}/restore`, undefined, { 'If-Match': saved.headers.get('etag') ?? '' });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { changes: { text: { en: string } }[] }).changes.map((change) => change.text.en)).toEqual(['profile 西安80-七参数 added']);
    expect(await onDisk()).toBe(original);
    const audit = (await (await admin.get('/api/audit?layer=datum-shifts.json&limit=1')).json()) as { records: { action: string }[] };
    expect(audit.records[0]?.action).toBe('restore');
  });
});

describe('who reads the parameters', () => {
  it('editors and admins read datum-shifts.json at /geodata/ and through the API; viewers and anonymous readers do not', async () => {
    const editor = await server.login(EDITOR);
    const viewer = await server.login(VIEWER);
    const anonymous = server.client();
    for (const path of ['/geodata/datum-shifts.json', '/geodata//datum-shifts.json', '/geodata/./datum-shifts.json', '/geodata/datum%2Dshifts.json', PATH, `${PATH}/versions`]) {
      expect((await editor.get(path)).status, path).toBe(200);
      expect((await admin.get(path)).status, path).toBe(200);
      expect((await anonymous.get(path)).status, path).toBe(401);
      expect((await viewer.get(path)).status, path).toBe(403);
    }
    const version = (await current(admin)).etag.replaceAll('"', '');
    expect((await anonymous.get(`${PATH}/versions/${version}`)).status).toBe(401);
    expect((await editor.get(`${PATH}/versions/${version}`)).status).toBe(200);
    // A viewer reads the audit, but not the parameters its changes would tell.
    const audit = (await (await viewer.get('/api/audit?layer=datum-shifts.json')).json()) as { records: Record<string, unknown>[] };
    expect(audit.records.length).toBeGreaterThan(0);
    expect(audit.records.every((record) => !('changes' in record))).toBe(true);
    // The plan itself stays open to every reader.
    expect((await anonymous.get('/geodata/layers.json')).status).toBe(200);
  });
});
