import type { AccountBook } from '../../data/accounts/accountBook';

/** What the server reads accounts through: accounts.json (AccountDirectory) or the database's account table. */
export type AccountSource = Pick<AccountBook, 'find' | 'all'>;
