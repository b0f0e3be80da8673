import type pg from 'pg';
import { TILE_ATTRIBUTES, TILE_HISTORY_SLOTS, historyDayAttribute, historyStatusAttribute } from '../../domain/tiles/tileAttributes';
import { TILE_FEATURE_BUDGET, tileStride } from '../../domain/tiles/tileStride';
import { writePmtilesArchive, type ArchiveTile } from '../pmtiles/writePmtilesArchive';
import { queryLayerRevision, queryLayerSpread, queryLayerTile } from './layerTileQuery';
import { queryStatusDays } from './statusDaysQuery';

/** The zooms the server makes tiles for; MapLibre over-zooms beyond (tiledLayerStyle). */
export const ARCHIVE_MAX_ZOOM = 16;

export interface LayerTileArchive {
  bytes: Uint8Array;
  tiles: number;
  /** The layer's revision the tiles were made from. */
  revision: number;
}

function tileRange(west: number, south: number, east: number, north: number, z: number): { x0: number; x1: number; y0: number; y1: number } {
  const side = 2 ** z;
  const column = (longitude: number) => Math.min(side - 1, Math.max(0, Math.floor(((longitude + 180) / 360) * side)));
  const row = (latitude: number) => {
    const radians = (latitude * Math.PI) / 180;
    return Math.min(side - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side)));
  };
  return { x0: column(west), x1: column(east), y0: row(north), y1: row(south) };
}

/**
 * Every tile of a layer from zoom 0 to ARCHIVE_MAX_ZOOM as the server makes them (the same query,
 * stride and budget), as one PMTiles archive, with the layer's status changes per day in its
 * metadata (`planMap.days`): a static copy of a tiled layer the file store serves on the same
 * routes (docs/tiles.md). Tiles with nothing in them are left out. Null when the
 * database holds no such layer.
 */
export async function layerTileArchive(pool: pg.Pool, layerId: string): Promise<LayerTileArchive | null> {
  const revision = await queryLayerRevision(pool, layerId);
  if (revision === null) return null;
  const spread = await queryLayerSpread(pool, layerId);
  const tiles: ArchiveTile[] = [];
  if (spread.bounds) {
    const [west, south, east, north] = spread.bounds;
    for (let z = 0; z <= ARCHIVE_MAX_ZOOM; z++) {
      const stride = tileStride(spread, z, TILE_FEATURE_BUDGET);
      const { x0, x1, y0, y1 } = tileRange(west, south, east, north, z);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const tile = await queryLayerTile(pool, layerId, { z, x, y }, { featureBudget: TILE_FEATURE_BUDGET, stride });
          if (tile.featureCount > 0) tiles.push({ z, x, y, bytes: new Uint8Array(tile.bytes) });
        }
      }
    }
  }
  const [west, south, east, north] = spread.bounds ?? [0, 0, 0, 0];
  const fields: Record<string, string> = { [TILE_ATTRIBUTES.id]: 'String', [TILE_ATTRIBUTES.status]: 'String', [TILE_ATTRIBUTES.street]: 'String', [TILE_ATTRIBUTES.historyCount]: 'Number' };
  for (let slot = 1; slot <= TILE_HISTORY_SLOTS; slot++) {
    fields[historyDayAttribute(slot)] = 'Number';
    fields[historyStatusAttribute(slot)] = 'String';
  }
  // The layer's changes per day travel with its tiles: the file store counts the copy from them.
  const days = await queryStatusDays(pool, layerId);
  const bytes = writePmtilesArchive({
    tiles,
    metadata: { name: layerId, vector_layers: [{ id: layerId, fields, minzoom: 0, maxzoom: ARCHIVE_MAX_ZOOM }], planMap: { layer: layerId, revision, featureCount: spread.featureCount, days } },
    bounds: [west, south, east, north],
    center: [(west + east) / 2, (south + north) / 2, 12],
  });
  return { bytes, tiles: tiles.length, revision };
}
