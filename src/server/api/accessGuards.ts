import type { IncomingMessage, ServerResponse } from 'node:http';
import { mayEdit } from '../../data/accounts/account';
import { checkCrossSite, signedInUser, type SignedIn } from '../auth/requestAuth';
import { sendError } from '../http/apiResponses';
import type { ApiContext, RouteRequest } from './apiContext';

/** True when the request may read; otherwise a 401 has been sent. */
export async function ensureReader(context: ApiContext, { request, response }: RouteRequest): Promise<boolean> {
  if (context.settings.readAccess === 'open') return true;
  if (await signedInUser(request, context.sessions, context.accounts)) return true;
  sendLoginRequired(response);
  return false;
}

/** Who reads: whether they are signed in (user names are shown only to those who are). */
export interface Reader {
  signedIn: boolean;
}

/**
 * The reader of something whose own access setting is `access` (the audit log has one), or
 * undefined once a 401 has been sent. Reading that needs an account server-wide needs it here too.
 */
export async function readerOf(context: ApiContext, { request, response }: RouteRequest, access: ApiContext['settings']['readAccess']): Promise<Reader | undefined> {
  const signedIn = (await signedInUser(request, context.sessions, context.accounts)) !== undefined;
  if (signedIn || (access === 'open' && context.settings.readAccess === 'open')) return { signedIn };
  sendLoginRequired(response);
  return undefined;
}

/**
 * Whether the request is from a signed-in editor or admin, for reading what is not for every
 * reader (the datum-shift parameters): 'none' not signed in, 'viewer' signed in without edit rights.
 */
export async function editorReaderOf(context: Pick<ApiContext, 'sessions' | 'accounts'>, request: IncomingMessage): Promise<'editor' | 'viewer' | 'none'> {
  const signedIn = await signedInUser(request, context.sessions, context.accounts);
  if (!signedIn) return 'none';
  return mayEdit(signedIn.account.role) ? 'editor' : 'viewer';
}

/** True when a signed-in editor or admin reads; otherwise a 401 or 403 has been sent. */
export async function ensureEditorReader(context: ApiContext, { request, response }: RouteRequest): Promise<boolean> {
  const reader = await editorReaderOf(context, request);
  if (reader === 'editor') return true;
  if (reader === 'none') sendLoginRequired(response);
  else sendError(response, 403, 'not-an-editor', { zh: '只有编辑人员可以查看此文件', en: 'only editors may read this file' });
  return false;
}

function sendLoginRequired(response: ServerResponse): void {
  sendError(response, 401, 'login-required', { zh: '请先登录', en: 'please log in first' });
}

/**
 * The signed-in editor (or admin) behind a write, or undefined once a 401 or 403 has been sent:
 * no session → 401; a foreign Origin or a missing or wrong X-CSRF-Token → 403; a viewer → 403.
 */
export async function ensureEditor(context: ApiContext, route: RouteRequest): Promise<SignedIn | undefined> {
  const signedIn = await ensureSameSiteWriter(context, route);
  if (signedIn && !mayEdit(signedIn.account.role)) {
    sendError(route.response, 403, 'not-an-editor', { zh: '只有编辑人员可以修改数据', en: 'only editors may change the data' });
    return undefined;
  }
  return signedIn;
}

/** The signed-in admin behind a change to the plan (layers.json), or undefined once a 401 or 403 has been sent. */
export async function ensureAdmin(context: ApiContext, route: RouteRequest): Promise<SignedIn | undefined> {
  const signedIn = await ensureSameSiteWriter(context, route);
  if (signedIn && signedIn.account.role !== 'admin') {
    sendError(route.response, 403, 'not-an-admin', { zh: '只有管理员可以修改规划设置', en: 'only admins may change the plan settings' });
    return undefined;
  }
  return signedIn;
}

/** A signed-in account writing from this app (Origin and CSRF token checked), whatever its role. */
async function ensureSameSiteWriter(context: ApiContext, { request, response }: RouteRequest): Promise<SignedIn | undefined> {
  const signedIn = await signedInUser(request, context.sessions, context.accounts);
  if (!signedIn) {
    sendLoginRequired(response);
    return undefined;
  }
  const crossSite = checkCrossSite(request, signedIn.session, context.settings.trustedOrigins);
  if (crossSite === 'bad-origin') {
    sendError(response, 403, 'cross-origin', { zh: '拒绝来自其他网站的写入请求', en: 'writes from another site are refused' });
    return undefined;
  }
  if (crossSite === 'bad-csrf-token') {
    sendError(response, 403, 'csrf-token', { zh: '缺少或错误的 X-CSRF-Token，请刷新页面', en: 'missing or wrong X-CSRF-Token; reload the page' });
    return undefined;
  }
  return signedIn;
}
