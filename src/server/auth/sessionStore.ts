import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  username: string;
  /** See credentialFingerprint.ts. */
  credentialFingerprint: string;
  /** Sent with every write as X-CSRF-Token: a cross-site page can make the browser send the cookie, but cannot read this. */
  csrfToken: string;
  expiresAt: number;
}

/** 12 hours: a working day, after which the editor logs in again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * Signed-in sessions: in this process's memory in file mode (MemorySessionStore), in the
 * database in database mode (PostgresSessionStore), where every server on it sees the same ones.
 */
export interface SessionStore {
  create(username: string, credentialFingerprint: string): Promise<Session>;
  /** The session of this cookie value, unless it has expired or ended. */
  get(id: string): Promise<Session | undefined>;
  delete(id: string): Promise<void>;
  /** Ends every session of `username` not granted against `currentFingerprint` (undefined: the account is gone). */
  endStale(username: string, currentFingerprint: string | undefined): Promise<void>;
}

/** A new session's cookie value and CSRF token: 256 random bits each. */
export function newSessionSecrets(): { id: string; csrfToken: string } {
  return { id: randomBytes(32).toString('base64url'), csrfToken: randomBytes(32).toString('base64url') };
}
