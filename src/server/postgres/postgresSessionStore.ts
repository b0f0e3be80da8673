import { createHash } from 'node:crypto';
import type { PlanDatabase } from '../../data/postgres/planDatabase';
import { newSessionSecrets, SESSION_LIFETIME_MS, type Session, type SessionStore } from '../auth/sessionStore';
import { DATABASE_NOW_MS } from './databaseNowMs';

/** What the table keys a session by: the cookie value's SHA-256, never the value itself. */
function idHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

interface SessionRow {
  username: string;
  credential_fingerprint: string;
  csrf_token: string;
  expires_at_ms: string;
}

/**
 * Sessions in the district's schema (migration 002): one signed in through any server is signed
 * in on all of them, a logout or a changed account ends it on all of them, and a restart of every
 * server keeps it until it expires.
 */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly database: PlanDatabase) {}

  async create(username: string, credentialFingerprint: string): Promise<Session> {
    const { id, csrfToken } = newSessionSecrets();
    const { pool } = this.database;
    // Expired rows go as new ones come: the table holds about one working day of sign-ins.
    await pool.query(`DELETE FROM login_session WHERE expires_at_ms <= ${DATABASE_NOW_MS}`);
    const { rows } = await pool.query<{ expires_at_ms: string }>(
      `INSERT INTO login_session (id_hash, username, credential_fingerprint, csrf_token, expires_at_ms) VALUES ($1, $2, $3, $4, ${DATABASE_NOW_MS} + $5) RETURNING expires_at_ms`,
      [idHash(id), username, credentialFingerprint, csrfToken, SESSION_LIFETIME_MS],
    );
    return { id, username, credentialFingerprint, csrfToken, expiresAt: Number(rows[0]?.expires_at_ms) };
  }

  async get(id: string): Promise<Session | undefined> {
    const { rows } = await this.database.pool.query<SessionRow>(
      `SELECT username, credential_fingerprint, csrf_token, expires_at_ms FROM login_session WHERE id_hash = $1 AND expires_at_ms > ${DATABASE_NOW_MS}`,
      [idHash(id)],
    );
    const [row] = rows;
    return row && { id, username: row.username, credentialFingerprint: row.credential_fingerprint, csrfToken: row.csrf_token, expiresAt: Number(row.expires_at_ms) };
  }

  async delete(id: string): Promise<void> {
    await this.database.pool.query('DELETE FROM login_session WHERE id_hash = $1', [idHash(id)]);
  }

  async endStale(username: string, currentFingerprint: string | undefined): Promise<void> {
    await this.database.pool.query('DELETE FROM login_session WHERE username = $1 AND credential_fingerprint IS DISTINCT FROM $2', [username, currentFingerprint ?? null]);
  }
}
