import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/runCli';

let stateDirectory: string;

beforeEach(async () => {
  stateDirectory = await mkdtemp(join(tmpdir(), 'plan-map-accounts-'));
});
afterEach(() => rm(stateDirectory, { recursive: true, force: true }));

const accounts = (args: string[], password?: string) => runCli('accounts.ts', [...args, '--state', stateDirectory], undefined, password);

async function storedAccounts(): Promise<{ username: string; role: string; passwordHash: string }[]> {
  return (JSON.parse(await readFile(join(stateDirectory, 'accounts.json'), 'utf8')) as { accounts: { username: string; role: string; passwordHash: string }[] }).accounts;
}

describe('npm run accounts', () => {
  it('adds an account with a scrypt hash read from stdin, lists and removes it', async () => {
    expect((await accounts(['add', '王工', '--role', 'viewer', '--password-stdin'], 'a-long-password\n')).code).toBe(0);
    const file = join(stateDirectory, 'accounts.json');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('a-long-password');
    expect(JSON.parse(text)).toMatchObject({ accounts: [{ username: '王工', role: 'viewer', passwordHash: expect.stringMatching(/^scrypt\$32768\$8\$1\$/) }] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await accounts(['list'])).stdout).toContain('王工\tviewer');
    expect((await accounts(['add', '王工'], 'another-password\n')).code).toBe(1);
    expect((await accounts(['add', 'short'], 'short\n')).code).toBe(1);
    expect((await accounts(['remove', '王工'])).code).toBe(0);
    expect(await storedAccounts()).toEqual([]);
  });
});

describe('npm run accounts -- passwd and role', () => {
  it('passwd gives an account a new password hash and keeps its role and creation date', async () => {
    await accounts(['add', 'liqiang', '--role', 'viewer'], 'first-password\n');
    const [before] = await storedAccounts();
    const changed = await accounts(['passwd', 'liqiang', '--password-stdin'], 'second-password\n');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('liqiang');
    const [after] = await storedAccounts();
    expect(after).toEqual({ ...before, passwordHash: expect.stringMatching(/^scrypt\$/) });
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    expect((await stat(join(stateDirectory, 'accounts.json'))).mode & 0o777).toBe(0o600);
  });

  it('passwd refuses a short password and an unknown account, and changes nothing', async () => {
    await accounts(['add', 'liqiang'], 'first-password\n');
    const before = await storedAccounts();
    const short = await accounts(['passwd', 'liqiang'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
    const unknown = await accounts(['passwd', 'nobody'], 'a-long-password\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no such account');
    expect(await storedAccounts()).toEqual(before);
  });

  it('role changes an account between admin, editor and viewer, and refuses other roles', async () => {
    await accounts(['add', 'liqiang'], 'first-password\n');
    expect((await accounts(['role', 'liqiang', 'viewer'])).code).toBe(0);
    expect(await storedAccounts()).toMatchObject([{ username: 'liqiang', role: 'viewer' }]);
    expect((await accounts(['role', 'liqiang', 'owner'])).code).toBe(1);
    expect(await storedAccounts()).toMatchObject([{ username: 'liqiang', role: 'viewer' }]);
    expect((await accounts(['role', 'liqiang', 'admin'])).code).toBe(0);
    expect(await storedAccounts()).toMatchObject([{ username: 'liqiang', role: 'admin' }]);
    await accounts(['add', 'zhangwei', '--role', 'admin'], 'other-password\n');
    expect(await storedAccounts()).toMatchObject([{ role: 'admin' }, { username: 'zhangwei', role: 'admin' }]);
  });
});
