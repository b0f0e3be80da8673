import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../store/writeFileAtomically';

export type Role = 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['editor', 'viewer'];

export interface Account {
  username: string;
  role: Role;
  /** See passwordHash.ts. */
  passwordHash: string;
  /** ISO 8601. */
  created: string;
}

/** Letters (Chinese included), digits, dot, underscore, hyphen; no spaces or path characters. */
const USERNAME = /^[\p{L}\p{N}._-]{1,64}$/u;

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}

function isAccount(value: unknown): value is Account {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Partial<Account>;
  return typeof account.username === 'string' && typeof account.passwordHash === 'string' && ROLES.some((role) => role === account.role);
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

export async function writeAccounts(file: string, accounts: readonly Account[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomically(file, Buffer.from(`${JSON.stringify({ accounts }, null, 2)}\n`), 0o600);
}

/**
 * Re-reads accounts.json when it changes, so `npm run accounts` takes effect without a
 * restart, and a removed account or a changed role applies to sessions already open.
 */
export class AccountDirectory {
  private cache: { key: string; accounts: Account[] } | undefined;

  constructor(readonly file: string) {}

  async find(username: string): Promise<Account | undefined> {
    return (await this.all()).find((account) => account.username === username);
  }

  async all(): Promise<Account[]> {
    const info = await stat(this.file).catch(() => null);
    const key = info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'missing';
    if (this.cache?.key !== key) this.cache = { key, accounts: info ? await readAccounts(this.file) : [] };
    return this.cache.accounts;
  }
}
