import type { RawProject } from '../../domain/changes/mergeProjectEdits';
import { etagOf } from '../../data/contentVersion';
import { ensureEditor, ensureReader } from '../api/accessGuards';
import type { RouteHandler, RouteRequest } from '../api/apiContext';
import { measureFeatures } from '../../domain/measure/measuredLayer';
import type { PlanFeature } from '../../domain/plan/planFeature';
import { sendError, sendJson } from '../http/apiResponses';
import { layerOfRoute } from './layerRoutes';
import { readSaveBody, requireIfMatch, saveLayerAndRespond } from './saveLayerAndRespond';

/*
 * One project of a layer as its own resource, for clients that edit a project at a time (and
 * many editors at once): its version changes only with itself, so two editors saving different
 * projects of one layer never conflict. The layer is still saved whole, audited and versioned
 * as every other save (saveDecision.ts puts the project into the live layer under the lock).
 */

const NO_SUCH_PROJECT = { zh: '图层中没有这个项目', en: 'the layer has no such project' };

/**
 * GET /api/layers/:id/features/:featureId: the project as the layer holds it, ETag = its own
 * version, with its measures by the app's own functions (ellipsoidal area and length) on the
 * stored geometry, never on a tile's clipped one: the details card of a tiled layer reads it. In
 * database mode it is one row, however large the layer (docs/tiles.md).
 */
export const getFeature: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const featureId = route.params.featureId ?? '';
  const found = await context.store.readProject(definition, featureId);
  if (!found) {
    sendError(route.response, 404, 'unknown-feature', NO_SUCH_PROJECT);
    return;
  }
  const { feature, version } = found;
  const measures = measureFeatures([feature as PlanFeature]);
  sendJson(
    route.response,
    200,
    { layer: definition.id, id: featureId, version, feature, areaSquareMeters: measures.areaSquareMeters[0] ?? 0, lengthMeters: measures.lengthMeters[0] ?? 0 },
    { ETag: etagOf(version) },
  );
};

/**
 * PUT /api/layers/:id/features/:featureId: the project's new content (a GeoJSON Feature with that
 * id), conditional on If-Match naming the project's version, or If-None-Match: * for a new one.
 */
export const putFeature: RouteHandler = async (context, route) => {
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const editor = await ensureEditor(context, route);
  if (!editor) return;
  const projectId = route.params.featureId ?? '';
  const expectedVersion = expectedProjectVersion(route);
  if (expectedVersion === undefined) return;
  const body = await readSaveBody(context, route);
  if (!body) return;
  const project = parseProject(body, projectId);
  if (typeof project === 'string') {
    sendError(route.response, 422, 'invalid-layer', { zh: '数据有误，未保存', en: 'the data has problems and was not saved' }, { problems: [{ path: '', code: 'NOT_A_FEATURE', message: PROJECT_PROBLEMS[project] }] });
    return;
  }
  await saveLayerAndRespond(context, route, { definition, content: { kind: 'project', projectId, expectedVersion, project }, user: editor.account.username, scope: editor.account.scope });
};

/** DELETE /api/layers/:id/features/:featureId: removes the project, conditional on If-Match naming its version. */
export const deleteFeature: RouteHandler = async (context, route) => {
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const editor = await ensureEditor(context, route);
  if (!editor) return;
  const expectedVersions = requireIfMatch(route, null);
  if (!expectedVersions) return;
  await saveLayerAndRespond(context, route, {
    definition,
    content: { kind: 'project', projectId: route.params.featureId ?? '', expectedVersion: expectedVersions[0] ?? null, project: null },
    user: editor.account.username,
    scope: editor.account.scope,
  });
};

/** The project version If-Match names, null for If-None-Match: * (a new project), or undefined once 428 is sent. */
function expectedProjectVersion(route: RouteRequest): string | null | undefined {
  if (route.request.headers['if-none-match']?.trim() === '*') return null;
  return requireIfMatch(route, null)?.[0];
}

const PROJECT_PROBLEMS = {
  'not-json': { zh: '请求内容不是 JSON', en: 'the body is not JSON' },
  'not-a-feature': { zh: '请求内容须为一个 GeoJSON Feature（type 为 "Feature"）', en: 'the body must be one GeoJSON Feature ("type": "Feature")' },
  'other-id': { zh: '项目的 id 与地址中的不一致', en: 'the feature’s id differs from the one in the address' },
} as const;

function parseProject(body: Buffer, projectId: string): RawProject | keyof typeof PROJECT_PROBLEMS {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return 'not-json';
  }
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Feature') return 'not-a-feature';
  if ((value as RawProject).id !== projectId) return 'other-id';
  return value as RawProject;
}
