import { parseTileAddress } from '../../domain/tiles/tileAddress';
import { ensureReader } from '../api/accessGuards';
import type { ApiContext, RouteHandler, RouteRequest } from '../api/apiContext';
import { sendError } from '../http/apiResponses';
import { sendVersioned } from '../serveFile';
import type { LayerTileSource } from '../tiles/layerTileSource';
import type { LayerDefinition } from '../../domain/plan/manifest';
import { layerOfRoute } from './layerRoutes';

export const VECTOR_TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/** Bumped when what a tile carries changes, so a browser never revalidates an old tile into a new app. */
const TILE_FORMAT = 't1';

/**
 * For a read of a layer's tiles, projects or statistics: the database's tiles, the URL's layer and
 * its revision now, or undefined once a 401 (reading behind a login), a 404 naming the database
 * mode, or a 404 for an unknown layer or one the database does not hold has been sent.
 */
export async function tiledLayerOfRoute(context: ApiContext, route: RouteRequest): Promise<{ tiles: LayerTileSource; definition: LayerDefinition; revision: number } | undefined> {
  if (!(await ensureReader(context, route))) return undefined;
  const { tiles } = context;
  const needDatabase = () => sendError(route.response, 404, 'tiles-need-database', {
    zh: '矢量切片在数据库模式下提供（PLAN_MAP_DATABASE_URL），或来自图层的静态副本（npm run store -- tiles）',
    en: 'vector tiles are served in database mode (PLAN_MAP_DATABASE_URL), or from a layer\'s static copy (npm run store -- tiles)',
  });
  if (!tiles) {
    needDatabase();
    return undefined;
  }
  const definition = await layerOfRoute(context, route);
  if (!definition) return undefined;
  const revision = await tiles.revisionOf(definition.id);
  if (revision === null && tiles.kind === 'archive') {
    needDatabase();
    return undefined;
  }
  if (revision === null) {
    sendError(route.response, 404, 'layer-file-missing', { zh: '图层文件不存在', en: 'the layer file is missing' });
    return undefined;
  }
  return { tiles, definition, revision };
}

/**
 * GET /api/layers/:id/tiles/:z/:x/:y: the layer's features in that tile as a Mapbox Vector Tile
 * (one MVT layer named for the plan layer; attributes in domain/tiles/tileAttributes.ts). The
 * ETag names the layer's revision and the tile, so a page revalidates each tile with one
 * primary-key lookup and gets a new tile after any save.
 */
export const getLayerTile: RouteHandler = async (context, route) => {
  const layer = await tiledLayerOfRoute(context, route);
  if (!layer) return;
  const { tiles, definition, revision } = layer;
  const address = parseTileAddress(route.params.z ?? '', route.params.x ?? '', route.params.y ?? '');
  if (!address) {
    sendError(route.response, 400, 'bad-tile-address', { zh: '切片编号无效（z 0–22，x、y 在 0 到 2^z−1 之间）', en: 'not a tile (z 0–22, x and y from 0 to 2^z − 1)' });
    return;
  }
  const etag = `"${TILE_FORMAT}-r${revision}-${address.z}-${address.x}-${address.y}"`;
  if (route.request.headers['if-none-match'] === etag) {
    sendVersioned(route.request, route.response, new Uint8Array(0), { etag, contentType: VECTOR_TILE_CONTENT_TYPE, cacheControl: 'no-cache' });
    return;
  }
  const tile = await tiles.tile(definition.id, revision, address);
  route.response.setHeader('X-Plan-Tile-Cache', tile.cached ? 'hit' : 'miss');
  route.response.setHeader('X-Plan-Tile-Features', String(tile.featureCount));
  if (tile.truncated) route.response.setHeader('X-Plan-Tile-Truncated', '1');
  sendVersioned(route.request, route.response, tile.bytes, { etag, contentType: VECTOR_TILE_CONTENT_TYPE, cacheControl: 'no-cache' });
};
