import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../api/support/apiClient';
import { copyGeodata, EDITOR, SECOND_EDITOR, VIEWER, writeTestAccounts } from '../api/support/apiTestServer';
import { withProperty } from '../api/support/layerEdits';
import { signInTo, spawnServer, type ServerProcess } from '../api/support/serverProcess';
import { importTestDistrict, type TestDistrictSchema } from '../support/databaseTestStore';
import { runCli } from '../support/runCli';

/*
 * Two app servers on one database keep nothing of their own that a user could notice: a
 * session made on one works on the other and ends on both, an account changed with
 * `npm run accounts` ends its sessions on both, guesses spread over both are slowed as one
 * server would slow them, and a restart of both signs nobody out. So a proxy in front of them
 * may send each request to either (docs/database-accounts.md).
 */

let rootDirectory: string;
let geodataDirectory: string;
let stateDirectory: string;
let district: TestDistrictSchema;
let servers: [ServerProcess, ServerProcess];

/** Both trust 127.0.0.1 as their proxy, so a test can speak for many client addresses. */
function startBoth(more: Record<string, string> = {}): Promise<[ServerProcess, ServerProcess]> {
  const variables = { PLAN_MAP_DATABASE_URL: district.database.url, PLAN_MAP_DATABASE_SCHEMA: district.database.schema, PLAN_MAP_TRUSTED_PROXIES: '127.0.0.1', ...more };
  return Promise.all([spawnServer({ geodataDirectory, stateDirectory, variables }), spawnServer({ geodataDirectory, stateDirectory, variables })]);
}

async function stopBoth(): Promise<void> {
  for (const server of servers ?? []) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-stateless-'));
  geodataDirectory = await copyGeodata(rootDirectory);
  stateDirectory = join(rootDirectory, 'state');
  district = await importTestDistrict(geodataDirectory);
  await writeTestAccounts(
    stateDirectory,
    [
      { ...EDITOR, role: 'editor' },
      { ...SECOND_EDITOR, role: 'editor' },
      { ...VIEWER, role: 'viewer' },
    ],
    district.database,
  );
  servers = await startBoth();
}, 60_000);

afterAll(async () => {
  await stopBoth();
  await district?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
}, 60_000);

async function sessionUser(client: ApiClient): Promise<unknown> {
  return ((await (await client.get('/api/session')).json()) as { user: unknown }).user;
}

async function saveRoads(client: ApiClient, name: string): Promise<number> {
  const { text, etag } = await client.layer('roads');
  return (await client.putLayer('roads', withProperty(text, 'RD-07', 'name', name), etag)).status;
}

function login(server: ServerProcess, username: string, password: string, clientAddress: string): Promise<Response> {
  return fetch(`${server.baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientAddress },
    body: JSON.stringify({ username, password }),
  });
}

async function inDatabase<T>(work: (query: (text: string) => Promise<T[]>) => Promise<void>): Promise<void> {
  const database = district.open();
  try {
    await work(async (text) => (await database.pool.query(text)).rows as T[]);
  } finally {
    await database.pool.end();
  }
}

it('a session signed in on one server saves through the other; logging out on the other ends it on the first', async () => {
  const [a, b] = servers;
  const onA = await signInTo(a);
  const onB = onA.at(b.baseUrl);
  expect(await sessionUser(onB)).toBe(EDITOR.username);
  expect(await saveRoads(onB, '经由二号服务器')).toBe(200);
  const [latest] = ((await (await onA.get('/api/audit?limit=1')).json()) as { records: { user: string; layer: string }[] }).records;
  expect(latest).toMatchObject({ user: EDITOR.username, layer: 'roads' });
  // The table keys sessions by a hash: the cookie value itself is nowhere in the database.
  const cookieValue = onA.sessionCookie.split('=')[1] ?? '';
  await inDatabase<{ id_hash: string }>(async (query) => {
    const rows = await query('SELECT id_hash FROM login_session');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.id_hash === cookieValue)).toBe(false);
  });

  expect((await onB.write('POST', '/api/logout', undefined)).status).toBe(200);
  expect(await sessionUser(onA)).toBeNull();
  expect(await saveRoads(onA, '已登出')).toBe(401);
});

it('`npm run accounts -- passwd` against the database ends the account\'s sessions on both servers', async () => {
  const [a, b] = servers;
  const first = await signInTo(a);
  const second = await signInTo(b);
  const colleague = await signInTo(a, SECOND_EDITOR);
  // As an administrator runs it on a server of the bureau: the server's own variables name the database.
  const saved = { url: process.env.PLAN_MAP_DATABASE_URL, schema: process.env.PLAN_MAP_DATABASE_SCHEMA };
  process.env.PLAN_MAP_DATABASE_URL = district.database.url;
  process.env.PLAN_MAP_DATABASE_SCHEMA = district.database.schema;
  let changed;
  try {
    changed = await runCli('accounts.ts', ['passwd', EDITOR.username], undefined, 'a-new-password-3\n');
  } finally {
    for (const [name, value] of [['PLAN_MAP_DATABASE_URL', saved.url], ['PLAN_MAP_DATABASE_SCHEMA', saved.schema]] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
  expect(changed.code, changed.stderr).toBe(0);
  expect(changed.stdout).toContain('its sessions have ended');
  for (const client of [first, second, first.at(b.baseUrl), second.at(a.baseUrl)]) {
    expect(await sessionUser(client)).toBeNull();
    expect(await saveRoads(client, '旧密码的会话')).toBe(401);
  }
  expect(await sessionUser(colleague.at(b.baseUrl))).toBe(SECOND_EDITOR.username);
  const again = await signInTo(b, { username: EDITOR.username, password: 'a-new-password-3' });
  expect(await saveRoads(again.at(a.baseUrl), '新密码')).toBe(200);
  const listed = await runCli('accounts.ts', ['list', '--database-url', district.database.url, '--schema', district.database.schema]);
  expect(listed.stdout).toContain(`${EDITOR.username}\teditor`);
  expect(listed.stdout).toContain(`${VIEWER.username}\tviewer`);
});

it('a scope set with `npm run accounts -- scope` in the database applies on both servers, and the sessions stay signed in', async () => {
  const [a, b] = servers;
  const scoped = await signInTo(a, VIEWER);
  const database = ['--database-url', district.database.url, '--schema', district.database.schema];
  const changed = await runCli('accounts.ts', ['scope', VIEWER.username, '--layers', 'roads', '--sub-districts', '太和街道', ...database]);
  expect(changed.code, changed.stderr).toBe(0);
  for (const client of [scoped, scoped.at(b.baseUrl)])
    expect(await (await client.get('/api/session')).json()).toMatchObject({ user: VIEWER.username, scope: { layers: ['roads'], subDistricts: ['太和街道'] } });
  const listed = (await runCli('accounts.ts', ['list', ...database])).stdout.split('\n');
  expect(listed.find((line) => line.startsWith(`${VIEWER.username}\tviewer\t`))).toContain('roads');
  expect((await runCli('accounts.ts', ['scope', VIEWER.username, '--clear', ...database])).code).toBe(0);
  expect(await (await scoped.at(b.baseUrl).get('/api/session')).json()).toMatchObject({ user: VIEWER.username, scope: null });
});

it('wrong passwords from one address spread over both servers are slowed as one server would slow them', async () => {
  const [a, b] = servers;
  const guesser = '203.0.113.50';
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await login(attempt % 2 === 0 ? a : b, VIEWER.username, `guess-${attempt}`, guesser)).status);
  // One server alone would have seen three guesses each, all answered.
  expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  for (const server of [a, b]) expect((await login(server, VIEWER.username, VIEWER.password, guesser)).status).toBe(429);
  expect((await login(b, VIEWER.username, VIEWER.password, '192.0.2.20')).status).toBe(200);
});

it('30 wrong passwords from one address sent at once to both servers get no more checks than 4 sent one after another', async () => {
  const [a, b] = servers;
  const responses = await Promise.all(Array.from({ length: 30 }, (_, index) => login(index % 2 === 0 ? a : b, SECOND_EDITOR.username, `guess-${index}`, '203.0.113.51')));
  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 401).length, JSON.stringify(statuses)).toBeLessThanOrEqual(4);
  expect(statuses.every((status) => status === 401 || status === 429 || status === 503), JSON.stringify(statuses)).toBe(true);
});

it('a session expired in the database is refused by both servers, and its row is cleared', async () => {
  const [a, b] = servers;
  const expiring = await signInTo(a, VIEWER);
  await inDatabase(async (query) => {
    await query(`UPDATE login_session SET expires_at_ms = 0 WHERE username = '${VIEWER.username}'`);
  });
  expect(await sessionUser(expiring)).toBeNull();
  expect(await sessionUser(expiring.at(b.baseUrl))).toBeNull();
  await signInTo(b, SECOND_EDITOR);
  await inDatabase<{ expired: string }>(async (query) => {
    expect(await query('SELECT count(*) AS expired FROM login_session WHERE expires_at_ms = 0')).toEqual([{ expired: '0' }]);
  });
});

it('after both servers restart, a session signed in before still works on either', async () => {
  const [a] = servers;
  const before = await signInTo(a, SECOND_EDITOR);
  await stopBoth();
  servers = await startBoth();
  const [newA, newB] = servers;
  expect(await sessionUser(before.at(newA.baseUrl))).toBe(SECOND_EDITOR.username);
  expect(await saveRoads(before.at(newB.baseUrl), '重启之后')).toBe(200);
});

it('the budget of password checks is the bureau\'s: both servers together answer one burst, then refuse with 503', async () => {
  // A slow refill (one check a minute) leaves the burst of ten to show; the budget starts full.
  await stopBoth();
  await inDatabase(async (query) => {
    await query('DELETE FROM login_budget');
  });
  servers = await startBoth({ PLAN_MAP_LOGINS_PER_MINUTE: '1' });
  const [a, b] = servers;
  const answered: Record<'a' | 'b', number[]> = { a: [], b: [] };
  for (let attempt = 0; attempt < 24; attempt += 1) {
    const side = attempt % 2 === 0 ? 'a' : 'b';
    // A new address every time: no address is throttled, only the budget can refuse.
    answered[side].push((await login(side === 'a' ? a : b, 'nobody', 'guess', `198.51.100.${attempt + 1}`)).status);
  }
  const all = [...answered.a, ...answered.b];
  expect(all.every((status) => status === 401 || status === 503), JSON.stringify(answered)).toBe(true);
  // Each server on its own would have answered ten (twenty in all).
  expect(all.filter((status) => status === 401).length).toBeGreaterThanOrEqual(10);
  expect(all.filter((status) => status === 401).length).toBeLessThanOrEqual(11);
  expect(answered.a.includes(503) && answered.b.includes(503), JSON.stringify(answered)).toBe(true);
});
