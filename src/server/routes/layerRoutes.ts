import { sendError, sendJson, NOT_FOUND } from '../http/apiResponses';
import { sendGeoJson } from '../http/sendGeoJson';
import { findLayer } from '../store/geodataCatalog';
import { ensureEditor, ensureReader } from '../api/accessGuards';
import type { ApiContext, RouteHandler, RouteRequest } from '../api/apiContext';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { refuseWholeTiledLayer } from './refuseWholeTiledLayer';
import { readSaveBody, requireIfMatch, saveLayerAndRespond } from './saveLayerAndRespond';

/** The manifest's definition for the URL's layer id, or undefined after a 404. */
export async function layerOfRoute(context: ApiContext, route: RouteRequest): Promise<LayerDefinition | undefined> {
  const definition = findLayer(await context.catalog(), route.params.id ?? '');
  if (!definition) sendError(route.response, 404, 'unknown-layer', NOT_FOUND);
  return definition;
}

/**
 * GET /api/layers: every manifest layer with its current version (null when its file is missing);
 * in database mode (or for a layer with a static copy of its tiles) also its project count and
 * whether it is drawn from vector tiles (tiledLayer.ts).
 */
export const listLayers: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const catalog = await context.catalog();
  const { tiles } = context;
  const layers = await Promise.all(
    catalog.manifest.layers.map(async (definition) => {
      const spread = tiles ? await tiles.spread(definition.id) : null;
      return {
        id: definition.id,
        name: definition.name,
        geometry: definition.geometry,
        version: await context.store.liveVersion(definition),
        ...(spread && tiles ? { featureCount: spread.featureCount, tiled: await tiles.drawsTiled(definition.id, context.settings.tiledLayerMinFeatures) } : {}),
      };
    }),
  );
  sendJson(route.response, 200, { layers });
};

/** GET /api/layers/:id: the file's bytes as stored, ETag = version. */
export const getLayer: RouteHandler = async (context, route) => {
  if (!(await ensureReader(context, route))) return;
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  if (await refuseWholeTiledLayer(context, route, definition)) return;
  const snapshot = await context.store.read(definition);
  if (!snapshot) {
    sendError(route.response, 404, 'layer-file-missing', { zh: '图层文件不存在', en: 'the layer file is missing' });
    return;
  }
  sendGeoJson(route.request, route.response, snapshot.bytes, snapshot.version, `${definition.id}.geojson`);
};

/** PUT /api/layers/:id: replaces the layer, conditional on If-Match. */
export const putLayer: RouteHandler = async (context, route) => {
  const definition = await layerOfRoute(context, route);
  if (!definition) return;
  const editor = await ensureEditor(context, route);
  if (!editor) return;
  const expectedVersions = requireIfMatch(route, await context.store.liveVersion(definition));
  if (!expectedVersions) return;
  const body = await readSaveBody(context, route);
  if (!body) return;
  await saveLayerAndRespond(context, route, { definition, content: { kind: 'layer', body, expectedVersions }, user: editor.account.username, scope: editor.account.scope });
};
