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

async function storedAccounts(): Promise<{ username: string; role: string; passwordHash: string; created: string; scope?: unknown }[]> {
  return (JSON.parse(await readFile(join(stateDirectory, 'accounts.json'), 'utf8')) as { accounts: { username: string; role: string; passwordHash: string; created: string; scope?: unknown }[] }).accounts;
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

describe('npm run accounts -- scopes', () => {
  it('adds an editor limited to sub-districts and layers, changes that scope and clears it', async () => {
    const added = await accounts(['add', '王工', '--sub-districts', '太和街道,福海街道', '--layers', 'urban-villages'], 'a-long-password\n');
    expect(added.code).toBe(0);
    expect(added.stderr).toBe('');
    expect(await storedAccounts()).toMatchObject([{ username: '王工', role: 'editor', scope: { subDistricts: ['太和街道', '福海街道'], layers: ['urban-villages'] } }]);
    expect((await accounts(['list'])).stdout).toContain('王工\teditor');
    expect((await accounts(['list'])).stdout).toContain('太和街道 · 福海街道 · urban-villages');

    const [before] = await storedAccounts();
    expect((await accounts(['scope', '王工', '--layers', 'schools,old-neighborhoods'])).code).toBe(0);
    const [narrowed] = await storedAccounts();
    expect(narrowed).toEqual({ ...before, scope: { layers: ['schools', 'old-neighborhoods'] } });

    expect((await accounts(['scope', '王工', '--clear'])).code).toBe(0);
    const [cleared] = await storedAccounts();
    expect(cleared).not.toHaveProperty('scope');
    expect(cleared).toEqual({ username: before?.username, role: before?.role, passwordHash: before?.passwordHash, created: before?.created });
  });

  it('warns of a sub-district or layer the district does not have, and still stores the scope', async () => {
    await accounts(['add', 'liqiang'], 'first-password\n');
    const misspelt = await accounts(['scope', 'liqiang', '--sub-districts', '太河街道', '--layers', 'urban-village']);
    expect(misspelt.code).toBe(0);
    expect(misspelt.stderr).toContain('太河街道, urban-village');
    expect(await storedAccounts()).toMatchObject([{ scope: { subDistricts: ['太河街道'], layers: ['urban-village'] } }]);
  });

  it('refuses unknown flags, empty lists, scope flags on other commands and a scope without one, changing nothing', async () => {
    await accounts(['add', 'liqiang'], 'first-password\n');
    const before = await storedAccounts();
    const cases: [string[], string][] = [
      [['scope', 'liqiang', '--streets', '太和街道'], 'unknown option: --streets'],
      [['scope', 'liqiang', '--sub-districts', ' , '], '--sub-districts needs comma-separated names'],
      [['scope', 'liqiang', '--layers'], '--layers needs comma-separated names'],
      [['scope', 'liqiang'], 'scope needs --sub-districts, --layers or --clear'],
      [['scope', 'liqiang', '--clear', '--layers', 'schools'], 'scope needs --sub-districts, --layers or --clear'],
      [['role', 'liqiang', 'viewer', '--layers', 'schools'], 'go with add and scope'],
      [['passwd', 'liqiang', '--clear'], 'go with add and scope'],
      [['scope', 'nobody', '--clear'], 'no such account'],
    ];
    for (const [args, message] of cases) {
      const result = await accounts(args, 'a-long-password\n');
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(await storedAccounts()).toEqual(before);
  });
});
