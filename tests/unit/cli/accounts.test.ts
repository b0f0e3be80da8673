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
