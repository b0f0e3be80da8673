import { measureFeatures } from '../../domain/measure/measuredLayer';
import { queryLayerFeature } from '../../data/postgres/layerFeatureQuery';
import type { RouteHandler } from '../api/apiContext';
import { sendError, sendJson } from '../http/apiResponses';
import { tiledLayerOfRoute } from './tileRoutes';

/**
 * GET /api/layers/:id/features/:featureId: one project of a tiled layer for its details card, with
 * its own version and its measures by the app's own functions (ellipsoidal area and length) on the
 * stored geometry, never on a tile's clipped and simplified one.
 */
export const getLayerFeature: RouteHandler = async (context, route) => {
  const layer = await tiledLayerOfRoute(context, route);
  if (!layer) return;
  const { tiles, definition } = layer;
  const stored = await queryLayerFeature(tiles.pool, definition.id, route.params.featureId ?? '');
  if (!stored) {
    sendError(route.response, 404, 'unknown-feature', { zh: '图层中没有这个项目', en: 'the layer has no such project' });
    return;
  }
  const measures = measureFeatures([{ type: 'Feature', id: stored.id, properties: stored.properties, geometry: stored.geometry }]);
  sendJson(route.response, 200, {
    layer: definition.id,
    id: stored.id,
    ordinal: stored.ordinal,
    version: stored.version,
    properties: stored.properties,
    geometry: stored.geometry,
    areaSquareMeters: measures.areaSquareMeters[0] ?? 0,
    lengthMeters: measures.lengthMeters[0] ?? 0,
  }, { ETag: `"${stored.version}"` });
};
