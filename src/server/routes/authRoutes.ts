import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Account } from '../../data/accounts/account';
import { DUMMY_PASSWORD_HASH } from '../../data/accounts/passwordHash';
import { credentialFingerprint } from '../auth/credentialFingerprint';
import { clientAddressOf } from '../auth/clientAddress';
import type { AttemptOutcome } from '../auth/addressThrottle';
import { cookieValue, isHttps, signedInUser, SESSION_COOKIE } from '../auth/requestAuth';
import { sendError, sendJson } from '../http/apiResponses';
import { BodyTooLargeError, readRequestBody } from '../http/readRequestBody';
import type { ApiContext, RouteHandler, RouteRequest } from '../api/apiContext';
import { sendBodyTooLarge } from './saveLayerAndRespond';

const MAX_LOGIN_BODY_BYTES = 16 * 1024;
const MAX_PASSWORD_LENGTH = 1024;

function sessionCookie(request: IncomingMessage, value: string, expire: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
  if (isHttps(request)) parts.push('Secure');
  if (expire) parts.push('Max-Age=0');
  return parts.join('; ');
}

/** A login form posted from another site would sign the victim in as the attacker (login CSRF). */
function isForeignOrigin(context: ApiContext, request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const ownOrigin = `${isHttps(request) ? 'https' : 'http'}://${request.headers.host ?? ''}`;
  return origin !== ownOrigin && !context.settings.trustedOrigins.includes(origin);
}

async function readCredentials(route: RouteRequest): Promise<{ username: string; password: string } | 'too-large' | undefined> {
  let body: Buffer;
  try {
    body = await readRequestBody(route.request, MAX_LOGIN_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendBodyTooLarge(route, error);
      return 'too-large';
    }
    throw error;
  }
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { username?: unknown; password?: unknown };
    const { username, password } = parsed;
    if (typeof username === 'string' && typeof password === 'string' && password.length <= MAX_PASSWORD_LENGTH) return { username, password };
  } catch {
    // Answered below, like any other malformed body.
  }
  return undefined;
}

function sendLoginRefused(response: ServerResponse, reason: 'address' | 'busy', seconds: number): void {
  const retry = { retryAfterSeconds: seconds };
  const headers = { 'Retry-After': String(seconds) };
  if (reason === 'address')
    sendError(response, 429, 'too-many-attempts', { zh: `尝试次数过多，请 ${seconds} 秒后再试`, en: `too many attempts; try again in ${seconds} s` }, retry, headers);
  else sendError(response, 503, 'login-busy', { zh: `登录请求过多，请 ${seconds} 秒后再试`, en: `too many sign-ins at the moment; try again in ${seconds} s` }, retry, headers);
}

/** POST /api/login {username, password} → session cookie and {user, role, scope, csrfToken}. */
export const login: RouteHandler = async (context, route) => {
  const { request, response } = route;
  if (isForeignOrigin(context, request)) {
    sendError(response, 403, 'cross-origin', { zh: '拒绝来自其他网站的登录请求', en: 'logins from another site are refused' });
    return;
  }
  const credentials = await readCredentials(route);
  if (credentials === 'too-large') return;
  if (!credentials) {
    sendError(response, 400, 'bad-request', { zh: '请提供用户名和密码（JSON）', en: 'send a username and a password as JSON' });
    return;
  }
  const admission = await context.loginGate.admit(clientAddressOf(request.socket.remoteAddress, request.headers, context.trustedProxies));
  if (!admission.admitted) {
    sendLoginRefused(response, admission.reason, Math.ceil(admission.retryAfterMs / 1000));
    return;
  }
  let outcome: AttemptOutcome = 'not-checked';
  let account: Account | undefined;
  try {
    account = await context.accounts.find(credentials.username);
    const valid = await admission.checkPassword(credentials.password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);
    outcome = account && valid ? 'succeeded' : 'failed';
  } finally {
    await admission.finish(outcome);
  }
  if (outcome !== 'succeeded' || !account) {
    sendError(response, 401, 'bad-credentials', { zh: '用户名或密码错误', en: 'wrong username or password' });
    return;
  }
  const previous = cookieValue(request, SESSION_COOKIE);
  if (previous) await context.sessions.delete(previous);
  const session = await context.sessions.create(account.username, credentialFingerprint(account));
  sendJson(response, 200, { user: account.username, role: account.role, scope: account.scope ?? null, csrfToken: session.csrfToken }, { 'Set-Cookie': sessionCookie(request, session.id, false) });
};

/** POST /api/logout: ends the session, if any, and clears the cookie. */
export const logout: RouteHandler = async (context, route) => {
  const { request, response } = route;
  if (isForeignOrigin(context, request)) {
    sendError(response, 403, 'cross-origin', { zh: '拒绝来自其他网站的请求', en: 'requests from another site are refused' });
    return;
  }
  request.resume();
  const id = cookieValue(request, SESSION_COOKIE);
  if (id) await context.sessions.delete(id);
  sendJson(response, 200, { user: null }, { 'Set-Cookie': sessionCookie(request, '', true) });
};

/**
 * GET /api/session: who is signed in, their role, scope (null: unrestricted) and CSRF token; the
 * app hides edit controls unless role is editor, and marks what lies outside the scope read-only.
 */
export const getSession: RouteHandler = async (context, route) => {
  const signedIn = await signedInUser(route.request, context.sessions, context.accounts);
  sendJson(route.response, 200, {
    user: signedIn?.account.username ?? null,
    role: signedIn?.account.role ?? null,
    scope: signedIn?.account.scope ?? null,
    csrfToken: signedIn?.session.csrfToken ?? null,
    readAccess: context.settings.readAccess,
  });
};
