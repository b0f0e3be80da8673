import type { Account } from './account';

/**
 * Where a district's accounts are kept: accounts.json in file mode, the schema's account table in
 * database mode. `npm run accounts` changes them through this, the server reads them through it.
 */
export interface AccountBook {
  /** For messages: the file, or the database (without its password) and schema. */
  readonly place: string;
  all(): Promise<Account[]>;
  find(username: string): Promise<Account | undefined>;
  /** False, changing nothing, when the name is taken. */
  add(account: Account): Promise<boolean>;
  /**
   * Puts `account` in place of the stored one of its name; false when there is none. A new
   * password hash or role ends the account's sessions (see credentialFingerprint.ts).
   */
  replace(account: Account): Promise<boolean>;
  /** False when there is no such account; its sessions end. */
  remove(username: string): Promise<boolean>;
}
