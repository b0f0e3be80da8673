import { dayKey } from '../../domain/columns/layerColumns';
import { isCalendarDate } from '../../domain/dates/isCalendarDate';
import { statusFacetsOf } from '../../domain/progress/statusFacets';
import type { RouteHandler } from '../api/apiContext';
import { sendError, sendJson } from '../http/apiResponses';
import { tiledLayerOfRoute } from './tileRoutes';

/**
 * GET /api/layers/:id/stats[?date=YYYY-MM-DD]: a tiled layer's projects summed by status (on the
 * day, by statusAsOf's rule; today's status without a date) and sub-district, with the app's own
 * area and length of each project (migration 004): `groups`, turned into its statistics by
 * layerStatsFromGroups; and `targetGroups`, by also the values of the properties its targets'
 * conditions read, with the sums of the properties they add: its target progress by
 * targetProgressFromGroups. Both for any status and sub-district filter, without asking again.
 */
export const getLayerStats: RouteHandler = async (context, route) => {
  const layer = await tiledLayerOfRoute(context, route);
  if (!layer) return;
  const { tiles, definition, revision } = layer;
  const date = route.query.get('date');
  if (date !== null && !isCalendarDate(date)) {
    sendError(route.response, 400, 'bad-date', { zh: '日期须为 YYYY-MM-DD', en: 'the date must be YYYY-MM-DD' });
    return;
  }
  const { groups, targetGroups } = await tiles.statusGroups(definition.id, revision, date === null ? null : dayKey(date), statusFacetsOf(definition));
  sendJson(route.response, 200, { layer: definition.id, revision, date, groups, targetGroups });
};
