import { newSessionSecrets, SESSION_LIFETIME_MS, type Session, type SessionStore } from './sessionStore';

/** Sessions in memory (file mode): a restart logs everyone out, which loses no data (drafts stay in the browser). */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();

  async create(username: string, credentialFingerprint: string, now = Date.now()): Promise<Session> {
    this.removeExpired(now);
    const session: Session = { ...newSessionSecrets(), username, credentialFingerprint, expiresAt: now + SESSION_LIFETIME_MS };
    this.sessions.set(session.id, session);
    return session;
  }

  async get(id: string, now = Date.now()): Promise<Session | undefined> {
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async endStale(username: string, currentFingerprint: string | undefined): Promise<void> {
    for (const [id, session] of this.sessions)
      if (session.username === username && session.credentialFingerprint !== currentFingerprint) this.sessions.delete(id);
  }

  private removeExpired(now: number): void {
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
