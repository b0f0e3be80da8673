/** On layers.json: the ids of the layers the page draws from vector tiles instead of loading whole, comma-separated. */
export const TILED_LAYERS_HEADER = 'X-Plan-Map-Tiled-Layers';
