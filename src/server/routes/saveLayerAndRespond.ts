import type { ServerResponse } from 'node:http';
import type { EditScope } from '../../domain/access/editScope';
import type { LayerDefinition } from '../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { SaveProblem } from '../../domain/validation/validationReport';
import { sendError, sendJson, type BilingualText } from '../http/apiResponses';
import { BodyTooLargeError, readRequestBody } from '../http/readRequestBody';
import { etagOf, versionsInIfMatch } from '../../data/contentVersion';
import { SaveNotUndoneError, type ProjectContent, type SaveRequest } from '../store/planStore';
import { projectVersionOf } from '../../data/projectVersion';
import type { LayerRest } from '../store/judgeLayerChange';
import { saveNeedsConfirmation, validateLayerForSave } from '../validateLayerForSave';
import { DISTRICT_BOUNDARY_FILE, districtExtentOfBoundaryText } from '../../data/readDistrictExtent';
import { authorizeEditScope } from '../authorizeEditScope';
import type { ApiContext, RouteRequest } from '../api/apiContext';

const STORAGE_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** 428 unless the request names the version it edited; returns those versions. */
export function requireIfMatch(route: RouteRequest, currentVersion: string | null): string[] | undefined {
  const versions = versionsInIfMatch(route.request.headers['if-match']);
  if (versions.length > 0) return versions;
  sendError(
    route.response,
    428,
    'if-match-required',
    { zh: '保存时须在 If-Match 中给出所编辑的版本', en: 'a save must name the edited version in If-Match' },
    { currentVersion },
    currentVersion ? { ETag: etagOf(currentVersion) } : {},
  );
  return undefined;
}

/**
 * Validates `body` as the layer, saves it if the file on disk is still one of
 * `expectedVersions`, and answers: 200 saved (audited and listed) or unchanged, 412 stale,
 * 403 when it touches features outside the editor's scope, 422 invalid, 507/500 when the disk refuses the layer or its audit record (the old file is
 * then intact).
 */
export async function saveLayerAndRespond(
  context: ApiContext,
  route: RouteRequest,
  save: {
    definition: LayerDefinition;
    /** A whole layer (its body and the versions it was based on), or one project put into the live layer. */
    content: { kind: 'layer'; body: Buffer; expectedVersions: string[] } | ProjectContent;
    user: string;
    scope: EditScope | undefined;
    restoredFrom?: string;
  },
): Promise<void> {
  const { response } = route;
  const catalog = await context.catalog();
  const validationContext = {
    layerId: save.definition.id,
    manifestJson: catalog.manifestJson,
    schemas: catalog.schemas,
    schemaFingerprint: catalog.fingerprint,
  };
  let content: SaveRequest['content'];
  if (save.content.kind === 'layer') {
    const validation = validateLayerForSave(save.content.body, validationContext);
    if (!validation.ok) {
      sendError(response, 422, 'invalid-layer', { zh: '数据有误，未保存', en: 'the data has problems and was not saved' }, { problems: validation.problems });
      return;
    }
    const mergeByProject = !save.restoredFrom && route.request.headers[MERGE_HEADER] === 'projects';
    content = { kind: 'layer', expectedVersions: save.content.expectedVersions, bytes: validation.bytes, collection: validation.collection, mergeByProject };
  } else content = save.content;
  // A restore returns to a version that was reviewed when it was saved: its figures were confirmed then.
  const district = save.restoredFrom
    ? undefined
    : districtExtentOfBoundaryText((await context.geodata.read(DISTRICT_BOUNDARY_FILE))?.toString('utf8') ?? null, catalog.manifest.district.bounds);
  const confirmed = route.query.get('confirmExtent');
  const authorize = await authorizeEditScope(save.scope, save.definition.id, context.geodata);
  let outcome;
  try {
    outcome = await context.store.save({
      definition: save.definition,
      content,
      revalidate: (bytes: Buffer) => revalidated(validateLayerForSave(bytes, validationContext)),
      user: save.user,
      confirmEmpty: route.query.get('confirmEmpty') === 'true',
      ...(authorize ? { authorize } : {}),
      ...(district ? { needsConfirmation: (before: PlanFeatureCollection, after: PlanFeatureCollection, rest?: LayerRest) => saveNeedsConfirmation(before, after, save.definition, district, confirmed, rest) } : {}),
      restoredFrom: save.restoredFrom,
    });
  } catch (error) {
    sendSaveFailure(response, error, save.definition.id);
    return;
  }
  switch (outcome.kind) {
    case 'saved': {
      const { record } = outcome;
      const project = save.content.kind === 'project' ? save.content : undefined;
      const projectVersion = project?.project ? projectVersionOf(project.project) : null;
      sendJson(
        response,
        200,
        {
          layer: save.definition.id,
          version: outcome.version,
          changed: true,
          fromVersion: record.fromVersion,
          // Merged by project: the stored layer is not the bytes sent, and the client must reload it.
          ...(record.basedOn ? { merged: true, basedOn: record.basedOn } : {}),
          ...(project ? { feature: project.projectId, featureVersion: projectVersion } : {}),
          diff: {
            added: record.added,
            removed: record.removed,
            changed: record.changed.map((change) => change.id),
            totalAreaDeltaSquareMeters: record.totalAreaDeltaSquareMeters,
            statusRegressions: record.statusRegressions,
          },
        },
        // A project's save answers with the project's version: the If-Match of its next save.
        { ETag: etagOf(project ? (projectVersion ?? outcome.version) : outcome.version) },
      );
      return;
    }
    case 'project-missing':
      sendError(response, 404, 'unknown-feature', { zh: '图层中没有这个项目', en: 'the layer has no such project' }, { currentVersion: outcome.currentVersion });
      return;
    case 'unchanged':
      sendUnchanged(response, { layer: save.definition.id }, outcome.version);
      return;
    case 'stale':
      if (outcome.conflicts)
        sendStale(
          response,
          outcome.currentVersion,
          { zh: '他人同时修改了相同的项目，未保存；请查看这些项目的最新版本', en: 'someone else changed the same projects meanwhile; nothing was saved; review their current versions' },
          { conflicts: outcome.conflicts },
        );
      else sendStale(response, outcome.currentVersion, { zh: '图层已被他人修改，请先查看最新版本', en: 'the layer was changed by someone else; review the current version first' });
      return;
    case 'composed-invalid':
      sendError(
        response,
        422,
        'invalid-layer',
        { zh: '放入当前图层后数据有误，未保存', en: 'put into the layer as it is now, the data has problems; nothing was saved' },
        { problems: outcome.problems, currentVersion: outcome.currentVersion },
      );
      return;
    case 'forbidden':
      sendError(
        response,
        403,
        'outside-edit-scope',
        { zh: '修改涉及您的编辑范围以外的项目，未保存', en: 'the changes touch projects outside your editing scope; nothing was saved' },
        { features: outcome.features, currentVersion: outcome.currentVersion },
      );
      return;
    case 'empty-needs-confirmation':
      sendError(
        response,
        422,
        'invalid-layer',
        { zh: '要用空图层覆盖现有数据，请确认', en: 'replacing the layer with an empty one needs confirmation' },
        {
          problems: [
            {
              path: '/features',
              code: 'EMPTY_LAYER_NEEDS_CONFIRMATION',
              message: { zh: '新图层没有任何要素；确认后请加 ?confirmEmpty=true 重新保存', en: 'the new layer has no features; to save it anyway, add ?confirmEmpty=true' },
            },
          ],
          currentVersion: outcome.currentVersion,
        },
      );
      return;
    case 'needs-confirmation':
      sendError(
        response,
        422,
        'needs-confirmation',
        {
          zh: '这些数字超出常理，未保存；核对无误后，请在请求中加上 confirmExtent（取值见 confirmation）重新保存',
          en: 'these figures are out of the ordinary and nothing was saved; if they are right, save again with confirmExtent set to the confirmation given',
        },
        { problems: outcome.problems, confirmation: outcome.confirmation, currentVersion: outcome.currentVersion },
      );
  }
}

/** 200 for a save of what is stored already (a retry whose answer was lost): no new version. */
export function sendUnchanged(response: ServerResponse, subject: Record<string, string>, version: string): void {
  sendJson(response, 200, { ...subject, version, changed: false, message: { zh: '内容没有变化', en: 'no changes' } }, { ETag: etagOf(version) });
}

/** 412: the file is no longer the version the save started from; the current one is named, with the projects in conflict when merging by project. */
export function sendStale(response: ServerResponse, currentVersion: string | null, message: BilingualText, details: Record<string, unknown> = {}): void {
  sendError(response, 412, 'version-conflict', message, { currentVersion, ...details }, currentVersion ? { ETag: etagOf(currentVersion) } : {});
}

/**
 * A save with this header and the value "projects" is merged by project when the layer changed
 * since the version it names in If-Match (mergeProjectEdits): only a client that reads the
 * answer's `merged` and reloads the layer may ask, or its next save would undo the others' work.
 */
export const MERGE_HEADER = 'x-plan-map-merge';

function revalidated(validation: ReturnType<typeof validateLayerForSave>): { bytes: Buffer; collection: PlanFeatureCollection } | { problems: SaveProblem[] } {
  return validation.ok ? { bytes: validation.bytes, collection: validation.collection } : { problems: validation.problems };
}

/** The request's body, or undefined once a 413 has been sent. */
export async function readSaveBody(context: ApiContext, route: RouteRequest): Promise<Buffer | undefined> {
  try {
    return await readRequestBody(route.request, context.settings.maxUploadBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendBodyTooLarge(route, error);
      return undefined;
    }
    throw error;
  }
}

/** The answer to a save the disk refused: 507 when it is full, 500 otherwise; the old file is intact unless said. */
export function sendSaveFailure(response: ServerResponse, error: unknown, key: string): void {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  console.error(`保存 ${key} 失败 / saving ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof SaveNotUndoneError)
    sendError(response, 500, 'audit-failed-layer-changed', {
      zh: '审计记录写入失败，新文件未能撤回；服务器将在下次保存或重启时补记审计记录',
      en: 'the audit record could not be written and the new file could not be taken back; the server records the save at the next save or start',
    });
  else if (STORAGE_FULL_CODES.has(code))
    sendError(response, 507, 'storage-full', { zh: '磁盘空间不足，未保存；原文件完好', en: 'the disk is full; nothing was saved and the old file is intact' });
  else sendError(response, 500, 'write-failed', { zh: '写入失败，未保存；原文件完好', en: 'the write failed; nothing was saved and the old file is intact' });
}

export function sendBodyTooLarge(route: RouteRequest, error: BodyTooLargeError): void {
  const megabytes = Math.round((error.limitBytes / (1024 * 1024)) * 10) / 10;
  // The rest of an oversized body is not read: close the connection after answering.
  route.response.setHeader('Connection', 'close');
  sendError(route.response, 413, 'too-large', { zh: `文件超过上限 ${megabytes} MB`, en: `the upload is larger than the ${megabytes} MB limit` }, { limitBytes: error.limitBytes });
  route.response.on('finish', () => setTimeout(() => route.request.socket.destroy(), 1000).unref());
}
