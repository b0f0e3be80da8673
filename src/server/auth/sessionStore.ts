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
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Sessions live in memory: a restart logs everyone out, which loses no data (drafts stay in the browser). */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(username: string, credentialFingerprint: string, now = Date.now()): Session {
    this.removeExpired(now);
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      username,
      credentialFingerprint,
      csrfToken: randomBytes(32).toString('base64url'),
      expiresAt: now + SESSION_LIFETIME_MS,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string, now = Date.now()): Session | undefined {
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of `username` not granted against `currentFingerprint` (undefined: the account is gone). */
  endStale(username: string, currentFingerprint: string | undefined): void {
    for (const [id, session] of this.sessions)
      if (session.username === username && session.credentialFingerprint !== currentFingerprint) this.sessions.delete(id);
  }

  private removeExpired(now: number): void {
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
