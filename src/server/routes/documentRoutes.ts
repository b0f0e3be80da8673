import { ensureAdmin, ensureEditorReader, ensureReader, readerOf, type Reader } from '../api/accessGuards';
import type { ApiContext, RouteHandler, RouteRequest } from '../api/apiContext';
import { SAVED_DOCUMENTS } from '../documents/savedDocuments';
import { NOT_FOUND, sendError, sendJson } from '../http/apiResponses';
import { sendGeoJson } from '../http/sendGeoJson';
import { etagOf, isVersionString } from '../../data/contentVersion';
import { isDocumentFile, type DocumentFile } from '../../data/storedDocuments';
import { readSaveBody, requireIfMatch, sendSaveFailure, sendStale, sendUnchanged } from './saveLayerAndRespond';
import { versionListBody } from './versionRoutes';

/** The document the URL names, or undefined after a 404. Paths are built from the returned name, a fixed one. */
function documentOfRoute(route: RouteRequest): DocumentFile | undefined {
  const name = route.params.name ?? '';
  if (isDocumentFile(name)) return name;
  sendError(route.response, 404, 'unknown-document', NOT_FOUND);
  return undefined;
}

/** The document the URL names, once its readers' rule lets this request read it; undefined after a 404, 401 or 403. */
async function readableDocumentOf(context: ApiContext, route: RouteRequest): Promise<DocumentFile | undefined> {
  const document = documentOfRoute(route);
  if (!document) return undefined;
  const allowed = SAVED_DOCUMENTS[document].readers === 'editors' ? await ensureEditorReader(context, route) : await ensureReader(context, route);
  return allowed ? document : undefined;
}

/** GET /api/documents/:name: the document as stored, ETag = version. */
export const getDocument: RouteHandler = async (context, route) => {
  const document = await readableDocumentOf(context, route);
  if (!document) return;
  const snapshot = await context.store.readDocument(document);
  if (!snapshot) {
    sendError(route.response, 404, 'document-missing', { zh: '文件不存在', en: 'the file is missing' });
    return;
  }
  sendGeoJson(route.request, route.response, snapshot.bytes, snapshot.version, document, 'application/json');
};

/** The document, the admin and the versions a write names, or undefined once a 404, 401, 403 or 428 has been sent. */
async function documentWriteOf(context: ApiContext, route: RouteRequest): Promise<{ document: DocumentFile; user: string; expectedVersions: string[] } | undefined> {
  const document = documentOfRoute(route);
  if (!document) return undefined;
  const admin = await ensureAdmin(context, route);
  if (!admin) return undefined;
  const expectedVersions = requireIfMatch(route, (await context.store.readDocument(document))?.version ?? null);
  return expectedVersions ? { document, user: admin.account.username, expectedVersions } : undefined;
}

/** PUT /api/documents/:name: replaces the document (admins; If-Match), after its checks. */
export const putDocument: RouteHandler = async (context, route) => {
  const write = await documentWriteOf(context, route);
  if (!write) return;
  const body = await readSaveBody(context, route);
  if (!body) return;
  await saveDocumentAndRespond(context, route, { ...write, body });
};

/** GET /api/documents/:name/versions: the kept versions, newest first, the current one marked. */
export const listDocumentVersions: RouteHandler = async (context, route) => {
  const document = documentOfRoute(route);
  if (!document) return;
  let reader: Reader | undefined;
  if (SAVED_DOCUMENTS[document].readers === 'editors') reader = (await ensureEditorReader(context, route)) ? { signedIn: true } : undefined;
  else reader = await readerOf(context, route, context.settings.readAccess);
  if (!reader) return;
  const currentVersion = (await context.store.readDocument(document))?.version ?? null;
  sendJson(route.response, 200, { document, ...versionListBody(await context.store.documentVersions(document), currentVersion, reader) });
};

/** GET /api/documents/:name/versions/:version: that version's bytes. */
export const getDocumentVersion: RouteHandler = async (context, route) => {
  const document = await readableDocumentOf(context, route);
  if (!document) return;
  const version = route.params.version ?? '';
  const bytes = isVersionString(version) ? await context.store.documentVersionBytes(document, version) : null;
  if (!bytes) {
    sendError(route.response, 404, 'unknown-version', { zh: '没有保存这个版本', en: 'this version is not kept' });
    return;
  }
  sendGeoJson(route.request, route.response, bytes, version, `${version}-${document}`, 'application/json');
};

/** POST /api/documents/:name/versions/:version/restore: saves that version as a new one, checked again against today's data. */
export const restoreDocumentVersion: RouteHandler = async (context, route) => {
  const write = await documentWriteOf(context, route);
  if (!write) return;
  route.request.resume();
  const version = route.params.version ?? '';
  const bytes = isVersionString(version) ? await context.store.documentVersionBytes(write.document, version) : null;
  if (!bytes) {
    sendError(route.response, 404, 'unknown-version', NOT_FOUND);
    return;
  }
  await saveDocumentAndRespond(context, route, { ...write, body: bytes, restoredFrom: version });
};

/**
 * Checks and saves a document, and answers: 200 saved (with what changed, in words) or unchanged,
 * 412 stale, 422 with every problem (nothing written), 507/500 when the disk refuses.
 * A restore is checked too: the layers may have moved on since that version was live.
 */
async function saveDocumentAndRespond(
  context: ApiContext,
  route: RouteRequest,
  save: { document: DocumentFile; body: Buffer; expectedVersions: string[]; user: string; restoredFrom?: string },
): Promise<void> {
  const { response } = route;
  const prepared = await SAVED_DOCUMENTS[save.document].prepare(save.body, { geodata: context.geodata, catalog: context.catalog });
  if ('problems' in prepared) {
    sendInvalid(route, prepared.problems, null);
    return;
  }
  let outcome;
  try {
    outcome = await context.store.saveDocument({
      document: save.document,
      expectedVersions: save.expectedVersions,
      bytes: prepared.bytes,
      user: save.user,
      check: prepared.check,
      ...(save.restoredFrom ? { restoredFrom: save.restoredFrom } : {}),
    });
  } catch (error) {
    sendSaveFailure(response, error, save.document);
    return;
  }
  switch (outcome.kind) {
    case 'saved':
      sendJson(
        response,
        200,
        { document: save.document, version: outcome.version, changed: true, fromVersion: outcome.record.fromVersion, changes: outcome.record.changes ?? [] },
        { ETag: etagOf(outcome.version) },
      );
      return;
    case 'unchanged':
      sendUnchanged(response, { document: save.document }, outcome.version);
      return;
    case 'stale':
      sendStale(response, outcome.currentVersion, { zh: '文件已被他人修改，请先载入最新版本', en: 'the file was changed by someone else; load the current version first' });
      return;
    case 'invalid':
      sendInvalid(route, outcome.problems, outcome.currentVersion);
  }
}

function sendInvalid(route: RouteRequest, problems: unknown[], currentVersion: string | null): void {
  sendError(route.response, 422, 'invalid-document', { zh: '内容有误，未保存', en: 'the content has problems and was not saved' }, { problems, ...(currentVersion ? { currentVersion } : {}) });
}
