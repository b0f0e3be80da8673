/** The response header on layers.json by which a server says it serves `<layer-id>.parts` (LayerPartsCache). */
export const LAYER_PARTS_HEADER = 'X-Plan-Map-Layer-Parts';
