import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR, SECOND_EDITOR, startApiTestServer, TEST_ACCOUNTS, VIEWER, type ApiTestServer } from './support/apiTestServer';
import { withProperty } from './support/layerEdits';

let server: ApiTestServer;

beforeAll(async () => {
  server = await startApiTestServer();
});
afterAll(() => server.close());

async function roadsEdit(name: string): Promise<{ body: string; etag: string }> {
  const { text, etag } = await server.client().layer('roads');
  return { body: withProperty(text, 'RD-07', 'name', name), etag };
}

describe('login and sessions', () => {
  it('logs in: HttpOnly SameSite=Strict session cookie, and the session shows user, role, scope (none) and CSRF token', async () => {
    const client = server.client();
    const response = await client.login(EDITOR.username, EDITOR.password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^plan_map_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const session = await (await client.get('/api/session')).json();
    expect(session).toEqual({ user: EDITOR.username, role: 'editor', scope: null, csrfToken: client.csrfToken, readAccess: 'open' });
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const response = await fetch(`${server.baseUrl}/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify(EDITOR),
    });
    expect(response.headers.get('set-cookie')).toContain('; Secure');
  });

  it('refuses a wrong password and an unknown user alike, without echoing either', async () => {
    for (const credentials of [{ username: EDITOR.username, password: 'wrong-password' }, { username: '<b>nobody</b>', password: 'x' }]) {
      const response = await server.client().login(credentials.username, credentials.password);
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      const text = await response.text();
      expect(text).not.toContain('nobody');
      expect(text).not.toContain('wrong-password');
    }
  });

  it('slows down repeated failures from one address with 429 and Retry-After, even for the right password', async () => {
    // A server of its own: the wait it causes applies to every login from this test's address.
    const fresh = await startApiTestServer();
    try {
      const client = fresh.client();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await client.login(SECOND_EDITOR.username, 'guess')).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      const blocked = await client.login(SECOND_EDITOR.username, SECOND_EDITOR.password);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it('logs out: the session stops working', async () => {
    const client = await server.login();
    const { body, etag } = await roadsEdit('登出前');
    expect((await client.write('POST', '/api/logout', undefined)).status).toBe(200);
    expect(await (await client.get('/api/session')).json()).toMatchObject({ user: null, role: null, csrfToken: null });
    expect((await client.putLayer('roads', body, etag)).status).toBe(401);
  });
});

describe('who may write', () => {
  it('anonymous: 401', async () => {
    const { body, etag } = await roadsEdit('匿名');
    expect((await server.client().putLayer('roads', body, etag)).status).toBe(401);
  });

  it('a viewer: 403, and the layer is unchanged', async () => {
    const viewer = await server.login(VIEWER);
    expect(await (await viewer.get('/api/session')).json()).toMatchObject({ role: 'viewer' });
    const { body, etag } = await roadsEdit('观察者');
    const response = await viewer.putLayer('roads', body, etag);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'not-an-editor' });
    expect((await server.client().layer('roads')).etag).toBe(etag);
  });

  it('an editor without the CSRF token, or with a wrong one: 403', async () => {
    const editor = await server.login();
    const { body, etag } = await roadsEdit('无令牌');
    const cookie = { Cookie: editor.sessionCookie, 'If-Match': etag };
    const missing = await fetch(`${server.baseUrl}/api/layers/roads`, { method: 'PUT', headers: cookie, body });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: 'csrf-token' });
    const wrong = await fetch(`${server.baseUrl}/api/layers/roads`, { method: 'PUT', headers: { ...cookie, 'X-CSRF-Token': 'x'.repeat(43) }, body });
    expect(wrong.status).toBe(403);
    expect((await server.client().layer('roads')).etag).toBe(etag);
  });

  it('an editor request from another origin, even with the token: 403', async () => {
    const editor = await server.login();
    const { body, etag } = await roadsEdit('跨站');
    const foreign: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of foreign) {
      const response = await editor.write('PUT', '/api/layers/roads', body, { 'If-Match': etag, ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'cross-origin' });
    }
    const loginFromElsewhere = await fetch(`${server.baseUrl}/api/login`, { method: 'POST', headers: { Origin: 'https://evil.example' }, body: JSON.stringify(EDITOR) });
    expect(loginFromElsewhere.status).toBe(403);
    expect((await editor.putLayer('roads', body, etag)).status).toBe(200);
  });

  it('an account removed where the server reads it (accounts.json, or the database) stops working at once', async () => {
    const editor = await server.login();
    await server.writeAccounts(TEST_ACCOUNTS.filter((account) => account.username !== EDITOR.username));
    try {
      const { body, etag } = await roadsEdit('已删除');
      expect((await editor.putLayer('roads', body, etag)).status).toBe(401);
    } finally {
      await server.writeAccounts(TEST_ACCOUNTS);
    }
  });
});

describe('read access "login"', () => {
  it('hides layers, versions, audit and /geodata/ from anonymous readers, not from viewers', async () => {
    const closed = await startApiTestServer({ readAccess: 'login' });
    try {
      for (const path of ['/api/layers', '/api/layers/roads', '/api/layers/roads/versions', '/api/audit', '/geodata/roads.geojson'])
        expect((await closed.client().get(path)).status, path).toBe(401);
      const viewer = await closed.login(VIEWER);
      expect((await viewer.get('/api/layers/roads')).status).toBe(200);
      expect((await viewer.get('/geodata/roads.geojson')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
