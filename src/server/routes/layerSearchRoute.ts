import { searchFeatures, searchKey } from '../../domain/browse/searchFeatures';
import type { RouteHandler } from '../api/apiContext';
import { sendError, sendJson } from '../http/apiResponses';
import { tiledLayerOfRoute } from './tileRoutes';

/** Hits a search box shows: as many as the page's own search gives. */
const HITS = 12;
/** Candidates ranked again by searchFeatures: more than the hits, so its order decides. */
const CANDIDATES = 200;
const MAX_QUERY_LENGTH = 100;

/**
 * GET /api/layers/:id/search?q=…: the projects of a layer whose name or id contains the query,
 * by the page's own search rule (searchFeatures), found in the database, for layers too large to
 * send to the page. `{ layer, hits: [{ layerId, featureId, name }] }`.
 */
export const searchLayer: RouteHandler = async (context, route) => {
  const layer = await tiledLayerOfRoute(context, route);
  if (!layer) return;
  const query = route.query.get('q') ?? '';
  if (query.length > MAX_QUERY_LENGTH) {
    sendError(route.response, 400, 'bad-query', { zh: `搜索词最多 ${MAX_QUERY_LENGTH} 个字符`, en: `the search may be at most ${MAX_QUERY_LENGTH} characters` });
    return;
  }
  const needle = searchKey(query);
  const candidates = needle.length === 0 ? null : await layer.tiles.searchCandidates(layer.definition.id, needle, CANDIDATES);
  sendJson(route.response, 200, { layer: layer.definition.id, hits: candidates ? searchFeatures([candidates], query, HITS) : [] });
};
