import { sendError, sendJson } from '../http/apiResponses';
import { editorReaderOf, readerOf } from '../api/accessGuards';
import { SAVED_DOCUMENTS } from '../documents/savedDocuments';
import { isDocumentFile } from '../../data/storedDocuments';
import type { RouteHandler } from '../api/apiContext';
import type { AuditEntry } from '../store/auditRecord';
import { AuditUnreadableError } from '../store/readAuditPage';

const DEFAULT_LIMIT = 50;
/** With records capped at 256 KiB, a page never holds more than about 50 MB, and in practice a few hundred KiB. */
const MAX_LIMIT = 200;
const CURSOR = /^\d{1,15}$/;

/** Whether a record is of a document that only editors read: its changes in words would tell its content. */
const isEditorsOnly = (entry: AuditEntry): boolean => isDocumentFile(entry.layer) && SAVED_DOCUMENTS[entry.layer].readers === 'editors';

/** A record without its changes in words, for readers who may not read the document it is about. */
function withoutChanges(entry: AuditEntry): AuditEntry {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'changes')) as AuditEntry;
}

/** Every field but `user`: a record as readers who are not signed in see it. */
function withoutUser(entry: AuditEntry): Omit<AuditEntry, 'user'> {
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'user')) as Omit<AuditEntry, 'user'>;
}

/**
 * GET /api/audit?layer=<id>&before=<cursor>&limit=<n>: save records, newest first, a page at a
 * time; `next` is the cursor of the older page (null at the start of the log). Signed-in
 * accounts by default (PLAN_MAP_AUDIT_READ); readers who are not signed in get no user names.
 */
export const getAudit: RouteHandler = async (context, route) => {
  const reader = await readerOf(context, route, context.settings.auditReadAccess);
  if (!reader) return;
  const layer = route.query.get('layer') ?? undefined;
  const requested = Number(route.query.get('limit') ?? DEFAULT_LIMIT);
  const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT;
  const cursor = route.query.get('before');
  if (cursor !== null && !CURSOR.test(cursor)) {
    sendError(route.response, 400, 'bad-cursor', { zh: 'before 须为上一页给出的 next', en: 'before must be the next value of an earlier page' });
    return;
  }
  let page;
  try {
    page = await context.store.auditPage({ layer, limit, ...(cursor === null ? {} : { before: Number(cursor) }) });
  } catch (error) {
    if (!(error instanceof AuditUnreadableError)) throw error;
    console.error(`审计日志无法读取 / cannot read the audit log: ${error.message}`);
    sendError(route.response, 500, 'audit-unreadable', { zh: '审计日志无法读取，请检查状态目录中的 audit.jsonl', en: 'the audit log cannot be read; check audit.jsonl in the state folder' });
    return;
  }
  const editor = (await editorReaderOf(context, route.request)) === 'editor';
  const records = editor ? page.records : page.records.map((entry) => (isEditorsOnly(entry) ? withoutChanges(entry) : entry));
  sendJson(route.response, 200, {
    records: reader.signedIn ? records : records.map(withoutUser),
    next: page.next === null ? null : String(page.next),
    ...(page.unreadableLines > 0 ? { unreadableLines: page.unreadableLines } : {}),
  });
};
