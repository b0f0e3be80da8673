import type { LayerDefinition } from '../../domain/plan/manifest';
import type { ApiContext, RouteRequest } from '../api/apiContext';
import { sendError } from '../http/apiResponses';

export const WHOLE_TILED_LAYER_MESSAGE = {
  zh: '此图层项目过多，以矢量切片显示，不整层发送；请用 npm run store -- export 导出，或在 QGIS 中连接 PostGIS',
  en: 'this layer is drawn from vector tiles and is too large to send whole; export it with npm run store -- export, or open the PostGIS database in QGIS',
};

/**
 * Whether a read of a whole layer (or a whole version of it) was refused with 413 because the
 * layer is tiled. In the database a tiled layer's bytes may pass the longest string Node can make
 * (a bytea arrives as hex text): reading them would end the process, not throw, so they are not read.
 */
export async function refuseWholeTiledLayer(context: ApiContext, route: RouteRequest, definition: LayerDefinition): Promise<boolean> {
  const { tiles } = context;
  if (!tiles || tiles.kind !== 'database' || !(await tiles.drawsTiled(definition.id, context.settings.tiledLayerMinFeatures))) return false;
  sendError(route.response, 413, 'layer-tiled', WHOLE_TILED_LAYER_MESSAGE);
  return true;
}
