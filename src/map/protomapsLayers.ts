import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';

/** Layer ids of the vector basemap start with this, so they never meet the app's own. */
export const VECTOR_LAYER_PREFIX = 'vector-';

/**
 * The layers of `@protomaps/basemaps` for a Protomaps-schema archive in `source`: its light or
 * dark flavour, names in Simplified Chinese. 'base' is what lies under the plan layers, 'labels'
 * what goes above them. Points of interest and town dots are left out: they need the flavour's
 * sprite sheet, which a local, offline style does not have.
 */
export function protomapsLayers(source: string, theme: 'light' | 'dark', part: 'base' | 'labels'): LayerSpecification[] {
  const flavor = { ...namedFlavor(theme), pois: undefined };
  const chosen = part === 'base' ? layers(source, flavor) : layers(source, flavor, { labelsOnly: true, lang: 'zh-Hans' });
  return chosen.map((layer) => {
    const renamed = { ...layer, id: `${VECTOR_LAYER_PREFIX}${layer.id}` } as LayerSpecification;
    if (renamed.type !== 'symbol' || !renamed.layout || !('icon-image' in renamed.layout)) return renamed;
    const { 'icon-image': _icon, ...layout } = renamed.layout;
    return { ...renamed, layout };
  });
}
