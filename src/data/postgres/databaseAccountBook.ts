import type pg from 'pg';
import { isAccount, type Account } from '../accounts/account';
import type { AccountBook } from '../accounts/accountBook';
import { inTransaction, type PlanDatabase } from './planDatabase';
import { redactedDatabaseUrl } from './redactedDatabaseUrl';

interface AccountRow {
  username: string;
  role: string;
  password_hash: string;
  created: string;
  scope: unknown;
}

const COLUMNS = 'username, role, password_hash, created, scope';

/** A row that is not a valid account (a scope edited by hand into nonsense) is left out, as accounts.json's would be. */
function accountOf(row: AccountRow): Account | undefined {
  const candidate = { username: row.username, role: row.role, passwordHash: row.password_hash, created: row.created, ...(row.scope === null ? {} : { scope: row.scope }) };
  return isAccount(candidate) ? candidate : undefined;
}

const rowValues = (account: Account): unknown[] => [account.username, account.role, account.passwordHash, account.created, account.scope ? JSON.stringify(account.scope) : null];

/**
 * The schema's account table as an account book (migration 002). A change of password or role,
 * or a removal, deletes the account's sessions in the same transaction, so every server on the
 * database refuses them from that moment; a new scope keeps them (the server reads the account
 * at every request, so the new scope applies at once everywhere). The pool stays the caller's.
 */
export function databaseAccountBook(database: PlanDatabase): AccountBook {
  const { pool } = database;
  const endSessions = (client: pg.PoolClient, username: string) => client.query('DELETE FROM login_session WHERE username = $1', [username]);
  return {
    place: `${redactedDatabaseUrl(database.url)} (schema ${database.schema})`,
    all: async () => (await pool.query<AccountRow>(`SELECT ${COLUMNS} FROM account ORDER BY created, username`)).rows.flatMap((row) => accountOf(row) ?? []),
    find: async (username) => {
      const [row] = (await pool.query<AccountRow>(`SELECT ${COLUMNS} FROM account WHERE username = $1`, [username])).rows;
      return row ? accountOf(row) : undefined;
    },
    add: async (account) => (await pool.query(`INSERT INTO account (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`, rowValues(account))).rowCount === 1,
    replace: async (account) =>
      inTransaction(pool, async (client) => {
        const [before] = (await client.query<AccountRow>(`SELECT ${COLUMNS} FROM account WHERE username = $1 FOR UPDATE`, [account.username])).rows;
        if (!before) return false;
        await client.query('UPDATE account SET role = $2, password_hash = $3, created = $4, scope = $5 WHERE username = $1', rowValues(account));
        if (before.role !== account.role || before.password_hash !== account.passwordHash) await endSessions(client, account.username);
        return true;
      }),
    remove: async (username) =>
      inTransaction(pool, async (client) => {
        const removed = await client.query('DELETE FROM account WHERE username = $1', [username]);
        await endSessions(client, username);
        return removed.rowCount === 1;
      }),
  };
}
