import type { ApiContext } from '../api/apiContext';

/**
 * The manifest's layers drawn from vector tiles now (database mode only; none with files): the
 * page leaves them out of its whole-layer loading, and the server out of its parts warm-up.
 */
export async function tiledLayerIds(context: ApiContext): Promise<string[]> {
  const { tiles } = context;
  if (!tiles) return [];
  const catalog = await context.catalog();
  const tiled = await Promise.all(catalog.manifest.layers.map((definition) => tiles.drawsTiled(definition.id, context.settings.tiledLayerMinFeatures)));
  return catalog.manifest.layers.flatMap((definition, index) => (tiled[index] ? [definition.id] : []));
}
