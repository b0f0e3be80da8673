import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Account } from '../../data/accounts/account';
import type { AccountSource } from './accountSource';
import { credentialFingerprint } from './credentialFingerprint';
import type { Session, SessionStore } from './sessionStore';

export const SESSION_COOKIE = 'plan_map_session';

export interface SignedIn {
  session: Session;
  account: Account;
}

export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/**
 * The session and the account behind it, re-checked against the accounts on every request: a
 * removed account, a new password or a new role ends the account's sessions at once.
 */
export async function signedInUser(request: IncomingMessage, sessions: SessionStore, accounts: AccountSource): Promise<SignedIn | undefined> {
  const id = cookieValue(request, SESSION_COOKIE);
  const session = id ? await sessions.get(id) : undefined;
  if (!session) return undefined;
  const account = await accounts.find(session.username);
  const fingerprint = account ? credentialFingerprint(account) : undefined;
  if (!account || fingerprint !== session.credentialFingerprint) {
    await sessions.endStale(session.username, fingerprint);
    return undefined;
  }
  return { session, account };
}

export function isHttps(request: IncomingMessage): boolean {
  const socket = request.socket as { encrypted?: boolean };
  return socket.encrypted === true || request.headers['x-forwarded-proto'] === 'https';
}

export type CrossSiteCheck = 'ok' | 'bad-origin' | 'bad-csrf-token';

/**
 * Writes must come from this app: the Origin (when the browser sends one) must be this
 * server's, a Sec-Fetch-Site other than same-origin is refused, and the X-CSRF-Token header
 * must equal the session's token. SameSite=Strict on the cookie is a third, independent layer.
 */
export function checkCrossSite(request: IncomingMessage, session: Session, trustedOrigins: readonly string[]): CrossSiteCheck {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const ownOrigin = `${isHttps(request) ? 'https' : 'http'}://${request.headers.host ?? ''}`;
    if (origin !== ownOrigin && !trustedOrigins.includes(origin)) return 'bad-origin';
  }
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return 'bad-origin';
  const token = request.headers['x-csrf-token'];
  if (typeof token !== 'string') return 'bad-csrf-token';
  const given = Buffer.from(token);
  const expected = Buffer.from(session.csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad-csrf-token';
}
