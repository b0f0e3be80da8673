import { stat } from 'node:fs/promises';
import type { Account } from '../../data/accounts/account';
import { readAccounts } from '../../data/accounts/accountsFile';
import type { AccountSource } from './accountSource';

/**
 * Re-reads accounts.json when it changes, so `npm run accounts` takes effect without a
 * restart, and a removed account or a changed role applies to sessions already open.
 */
export class AccountDirectory implements AccountSource {
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
