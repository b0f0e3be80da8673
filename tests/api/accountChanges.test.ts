import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli';
import type { ApiClient } from './support/apiClient';
import { EDITOR, SECOND_EDITOR, startApiTestServer, VIEWER, type ApiTestServer } from './support/apiTestServer';
import { withProperty } from './support/layerEdits';

/*
 * The accounts command changes the accounts while the server runs (accounts.json, or in the
 * database suite the schema's table); every session of an account whose password or role
 * changed, or which was removed, must end at once.
 */

let server: ApiTestServer;

beforeEach(async () => {
  server = await startApiTestServer();
});
afterEach(() => server.close());

const accounts = (args: string[], password?: string) => runCli('accounts.ts', [...args, ...server.accountsOptions], undefined, password);

async function sessionUser(client: ApiClient): Promise<unknown> {
  return ((await (await client.get('/api/session')).json()) as { user: unknown }).user;
}

async function saveAs(client: ApiClient, name: string): Promise<number> {
  const { text, etag } = await server.client().layer('roads');
  return (await client.putLayer('roads', withProperty(text, 'RD-07', 'name', name), etag)).status;
}

describe('changing an account ends its sessions', () => {
  it('after `accounts passwd` the old session is refused; the new password signs in and stays signed in', async () => {
    const editor = await server.login(EDITOR);
    const colleague = await server.login(SECOND_EDITOR);
    expect((await accounts(['passwd', EDITOR.username], 'a-new-password-2\n')).code).toBe(0);
    expect(await sessionUser(editor)).toBeNull();
    expect(await saveAs(editor, '旧会话')).toBe(401);
    expect((await server.client().login(EDITOR.username, EDITOR.password)).status).toBe(401);
    const again = await server.login({ username: EDITOR.username, password: 'a-new-password-2' });
    expect(await saveAs(again, '新密码')).toBe(200);
    expect(await sessionUser(again)).toBe(EDITOR.username);
    expect(await sessionUser(colleague)).toBe(SECOND_EDITOR.username);
  });

  it('after `accounts role` the old session is refused, whichever way the role changed', async () => {
    const editor = await server.login(EDITOR);
    const viewer = await server.login(VIEWER);
    expect((await accounts(['role', EDITOR.username, 'viewer'])).code).toBe(0);
    expect((await accounts(['role', VIEWER.username, 'editor'])).code).toBe(0);
    expect(await sessionUser(editor)).toBeNull();
    expect(await saveAs(editor, '降级')).toBe(401);
    expect(await sessionUser(viewer)).toBeNull();
    const promoted = await server.login(VIEWER);
    expect(await saveAs(promoted, '升级')).toBe(200);
  });

  it('an admin saves layers as an editor does, and `accounts role` to or from admin ends the session too', async () => {
    expect((await accounts(['role', EDITOR.username, 'admin'])).code).toBe(0);
    const admin = await server.login(EDITOR);
    expect(((await (await admin.get('/api/session')).json()) as { role: unknown }).role).toBe('admin');
    expect(await saveAs(admin, '管理员保存')).toBe(200);
    expect((await accounts(['role', EDITOR.username, 'editor'])).code).toBe(0);
    expect(await sessionUser(admin)).toBeNull();
    expect(await saveAs(admin, '旧管理员会话')).toBe(401);
  });

  it('after `accounts remove` the old session is refused, and stays refused when the account is added again with the same password', async () => {
    const checkedAfterRemove = await server.login(EDITOR);
    const checkedAfterReAdd = await server.login(EDITOR);
    expect((await accounts(['remove', EDITOR.username])).code).toBe(0);
    expect(await sessionUser(checkedAfterRemove)).toBeNull();
    expect((await accounts(['add', EDITOR.username], `${EDITOR.password}\n`)).code).toBe(0);
    for (const old of [checkedAfterRemove, checkedAfterReAdd]) {
      expect(await sessionUser(old)).toBeNull();
      expect(await saveAs(old, '重建账号')).toBe(401);
    }
    expect(await saveAs(await server.login(EDITOR), '重新登录')).toBe(200);
  });
});
