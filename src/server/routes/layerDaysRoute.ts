import { statusFacetsOf } from '../../domain/progress/statusFacets';
import type { RouteHandler } from '../api/apiContext';
import { sendJson } from '../http/apiResponses';
import { tiledLayerOfRoute } from './tileRoutes';

/**
 * GET /api/layers/:id/stats/days: a tiled layer's status changes summed per day (`day` yyyymmdd,
 * 0 for projects without dated history), by sub-district and the values its targets read, with
 * the properties they sum: each target's progress over time on the page (targetSeriesFromDays).
 */
export const getLayerDays: RouteHandler = async (context, route) => {
  const layer = await tiledLayerOfRoute(context, route);
  if (!layer) return;
  const { tiles, definition, revision } = layer;
  const days = await tiles.statusDays(definition.id, statusFacetsOf(definition));
  sendJson(route.response, 200, { layer: definition.id, revision, days });
};
