import { PMTiles, TileType } from 'pmtiles';
import type { LocalizedText, VectorBasemap } from '../../domain/plan/manifest';
import { vectorSchemaOfLayers } from '../../domain/district/vectorSchemaOfLayers';
import { PmtilesFileSource } from './pmtilesFileSource';

export type VectorBasemapCheck =
  | { ok: true; schema: VectorBasemap['schema']; bounds: [number, number, number, number]; maxZoom: number }
  | { ok: false; problem: LocalizedText };

function vectorLayerIds(metadata: unknown): string[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const layers = (metadata as { vector_layers?: unknown }).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer) => (typeof layer === 'object' && layer !== null && typeof (layer as { id?: unknown }).id === 'string' ? [(layer as { id: string }).id] : []));
}

/**
 * What a PMTiles file is, read with the `pmtiles` package (header and metadata only): vector
 * tiles, and which layer schema, so the style can be chosen without asking the user.
 */
export async function vectorBasemapOfFile(path: string): Promise<VectorBasemapCheck> {
  const archive = new PMTiles(new PmtilesFileSource(path));
  let header;
  let metadata: unknown;
  try {
    header = await archive.getHeader();
    metadata = await archive.getMetadata();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { zh: `不是可读的 PMTiles 第 3 版文件（${reason}）；请用 pmtiles extract 或 Planetiler 重新导出`, en: `not a readable PMTiles version 3 archive (${reason}); export it again with pmtiles extract or Planetiler` } };
  }
  if (header.tileType !== TileType.Mvt)
    return { ok: false, problem: { zh: '这是栅格瓦片 PMTiles；底图需要矢量瓦片（MVT），如 Protomaps 或 OpenMapTiles 的区域提取', en: 'this PMTiles archive holds raster tiles; the basemap needs vector tiles (MVT), e.g. a Protomaps or OpenMapTiles extract' } };
  const schema = vectorSchemaOfLayers(vectorLayerIds(metadata));
  if (!schema)
    return { ok: false, problem: { zh: '无法识别瓦片的图层结构：既不是 Protomaps（earth、roads、places）也不是 OpenMapTiles（water、transportation、place）', en: 'the tiles\' layer schema is not recognised: neither Protomaps (earth, roads, places) nor OpenMapTiles (water, transportation, place)' } };
  return { ok: true, schema, bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat], maxZoom: header.maxZoom };
}
