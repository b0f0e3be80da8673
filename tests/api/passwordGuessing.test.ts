import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EDITOR, SECOND_EDITOR, startApiTestServer, VIEWER, type ApiTestServer } from './support/apiTestServer';

/*
 * Password guessing is slowed per client address, counted as requests arrive, and never locks
 * the account itself: behind a reverse proxy (PLAN_MAP_TRUSTED_PROXIES) each client is told
 * apart by the address the proxy forwards.
 */

function login(server: ApiTestServer, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.baseUrl}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
}

describe('parallel guesses', () => {
  // Every test here guesses from 127.0.0.1, so each gets a server that has not seen it yet.
  let direct: ApiTestServer;
  beforeEach(async () => {
    direct = await startApiTestServer();
  });
  afterEach(() => direct.close());

  it('30 wrong passwords sent at once get no more password checks than 4 sent one after another', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, (_, index) => login(direct, SECOND_EDITOR.username, `guess-${index}`)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(26);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    for (const refused of responses.filter((response) => response.status === 429)) expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('guesses spread over made-up user names and made-up X-Forwarded-For headers count against the one address that sent them', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 8; index += 1)
      statuses.push((await login(direct, `nobody-${index}`, 'guess', { 'X-Forwarded-For': `198.51.100.${index + 1}` })).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429]);
  });
});

describe('behind a trusted reverse proxy', () => {
  let behindProxy: ApiTestServer;
  beforeAll(async () => {
    behindProxy = await startApiTestServer({ trustedProxies: ['127.0.0.1'] });
  });
  afterAll(() => behindProxy.close());

  const attacker = { 'X-Forwarded-For': '203.0.113.66' };
  const owner = { 'X-Forwarded-For': '192.0.2.10' };

  it('locks out the address that guesses, while the account\'s owner signs in from another address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await login(behindProxy, EDITOR.username, 'guess', attacker)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await login(behindProxy, EDITOR.username, EDITOR.password, attacker)).status).toBe(429);
    expect((await login(behindProxy, EDITOR.username, EDITOR.password, owner)).status).toBe(200);
  });

  it('reads the client from the right end of the chain: an address the client wrote in front does not give it fresh attempts', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await login(behindProxy, VIEWER.username, 'guess', { 'X-Forwarded-For': `10.9.9.${attempt}, 203.0.113.77` })).status);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await login(behindProxy, VIEWER.username, VIEWER.password, { 'X-Real-IP': '192.0.2.11' })).status).toBe(200);
  });
});
