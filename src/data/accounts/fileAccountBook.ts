import type { Account } from './account';
import type { AccountBook } from './accountBook';
import { readAccounts, writeAccounts } from './accountsFile';

/**
 * accounts.json as an account book: each change reads the file and writes it whole (atomically,
 * see writeAccounts). Sessions are not kept here: the server compares each session's credential
 * fingerprint with the account as the file holds it at the session's next request.
 */
export function fileAccountBook(file: string): AccountBook {
  const all = (): Promise<Account[]> => readAccounts(file);
  return {
    place: file,
    all,
    find: async (username) => (await all()).find((account) => account.username === username),
    add: async (account) => {
      const accounts = await all();
      if (accounts.some((candidate) => candidate.username === account.username)) return false;
      await writeAccounts(file, [...accounts, account]);
      return true;
    },
    replace: async (account) => {
      const accounts = await all();
      if (!accounts.some((candidate) => candidate.username === account.username)) return false;
      await writeAccounts(file, accounts.map((candidate) => (candidate.username === account.username ? account : candidate)));
      return true;
    },
    remove: async (username) => {
      const accounts = await all();
      const kept = accounts.filter((candidate) => candidate.username !== username);
      if (kept.length === accounts.length) return false;
      await writeAccounts(file, kept);
      return true;
    },
  };
}
