import { refuseWholeTiledLayer } from './refuseWholeTiledLayer';
import { sendError, sendJson, NOT_FOUND } from '../http/apiResponses';
import { sendGeoJson } from '../http/sendGeoJson';
import { isVersionString } from '../../data/contentVersion';
import { ensureEditor, ensureReader, readerOf, type Reader } from '../api/accessGuards';
import type { StoredVersion } from '../store/versionHistory';
import type { RouteHandler } from '../api/apiContext';
import { layerOfRoute } from './layerRoutes';
import { requireIfMatch, saveLayerAndRespond } from './saveLayerAndRespond';

/**
 * GET /api/layers/:id/versions: the kept versions, newest first, the current one marked. Readers
 * who are not signed in get no user names (`user` is left out).
 */
export const listVersions: RouteHandler = async (context, route) => {
  const reader = await readerOf(context, route, context.settings.readAccess);
  if (!reader) return;
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const currentVersion = await context.store.liveVersion(definition);
  sendJson(route.response, 200, { layer: definition.id, ...versionListBody(await context.store.versions(definition), currentVersion, reader) });
};

/** A version list as the API answers it: user names only for signed-in readers, the live version marked. */
export function versionListBody(versions: readonly StoredVersion[], currentVersion: string | null, reader: Reader): { currentVersion: string | null; versions: unknown[] } {
  return {
    currentVersion,
    versions: versions.map(({ version, time, user, sizeBytes, summary }) => ({
      version,
      time,
      ...(reader.signedIn ? { user } : {}),
      sizeBytes,
      summary,
      current: version === currentVersion,
    })),
  };
}

/** GET /api/layers/:id/versions/:version: that version's bytes. */
export const getVersion: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  if (await refuseWholeTiledLayer(context, route, definition)) return;
  const version = route.params.version ?? '';
  const bytes = isVersionString(version) ? await context.store.versionBytes(definition, version) : null;
  if (!bytes) {
    sendError(route.response, 404, 'unknown-version', { zh: '没有保存这个版本', en: 'this version is not kept' });
    return;
  }
  sendGeoJson(route.request, route.response, bytes, version, `${definition.id}-${version}.geojson`);
};

/** POST /api/layers/:id/versions/:version/restore: saves that version's content as a new version (If-Match required). */
export const restoreVersion: RouteHandler = async (context, route) => {
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const editor = await ensureEditor(context, route);
  if (!editor) return;
  const expectedVersions = requireIfMatch(route, await context.store.liveVersion(definition));
  if (!expectedVersions) return;
  route.request.resume();
  if (await refuseWholeTiledLayer(context, route, definition)) return;
  const version = route.params.version ?? '';
  const bytes = isVersionString(version) ? await context.store.versionBytes(definition, version) : null;
  if (!bytes) {
    sendError(route.response, 404, 'unknown-version', NOT_FOUND);
    return;
  }
  await saveLayerAndRespond(context, route, { definition, content: { kind: 'layer', body: bytes, expectedVersions }, user: editor.account.username, scope: editor.account.scope, restoredFrom: version });
};
