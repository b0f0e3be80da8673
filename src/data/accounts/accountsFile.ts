import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAccount, type Account } from './account';

/** Where the server and `npm run accounts` both find the accounts: `<state folder>/accounts.json`. */
export function accountsFileIn(stateDirectory: string): string {
  return join(stateDirectory, 'accounts.json');
}

/** accounts.json: `{ "accounts": [...] }`; a missing file means no accounts yet. */
export async function readAccounts(file: string): Promise<Account[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return [];
  const parsed = JSON.parse(text) as { accounts?: unknown };
  return Array.isArray(parsed.accounts) ? parsed.accounts.filter(isAccount) : [];
}

/**
 * Written to a temporary file beside it and renamed over it, so a running server reads the old
 * accounts or the new ones, never half a file; readable by the owner only (password hashes).
 */
export async function writeAccounts(file: string, accounts: readonly Account[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tempFile = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tempFile, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ accounts }, null, 2)}\n`);
    await handle.sync();
    await handle.close();
    await rename(tempFile, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tempFile, { force: true });
    throw error;
  }
}
