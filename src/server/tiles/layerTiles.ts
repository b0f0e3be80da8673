import type pg from 'pg';
import type { TileAddress } from '../../domain/tiles/tileAddress';
import { queryLayerRevision, queryLayerTile, type LayerTile } from '../../data/postgres/layerTileQuery';
import { ByteBoundedCache } from './byteBoundedCache';

export interface LayerTilesOptions {
  /** Memory the tile cache may hold; tiles of old revisions go first (docs/tiles.md). */
  maxCacheBytes: number;
  /** Most features one tile holds, so a low-zoom tile of a million parcels stays bounded (docs/tiles.md). */
  featureBudget: number;
}

export const DEFAULT_LAYER_TILES_OPTIONS: LayerTilesOptions = { maxCacheBytes: 256 * 1024 * 1024, featureBudget: 50_000 };

/** A tile as served, and whether the cache had it (for the X-Plan-Tile-Cache header and the bench). */
export interface ServedTile extends LayerTile {
  cached: boolean;
}

/**
 * Vector tiles of plan layers from the database (ST_AsMVT), kept in memory per layer revision
 * and tile. The revision grows by one at every save in the save's transaction, and every request
 * reads it first (one primary-key lookup), so a tile made before a save is never served after it,
 * whichever server on the database took the save; the old revision's tiles are dropped the first
 * time a newer revision is seen.
 */
export class LayerTiles {
  private readonly cache: ByteBoundedCache<LayerTile & { byteLength: number }>;
  private readonly latestRevision = new Map<string, number>();
  /** Requests for a tile being made wait for it instead of making it again. */
  private readonly inFlight = new Map<string, Promise<LayerTile>>();

  constructor(
    /** Also for the details of one project (layerFeatureRoute). */
    readonly pool: pg.Pool,
    private readonly options: LayerTilesOptions = DEFAULT_LAYER_TILES_OPTIONS,
  ) {
    this.cache = new ByteBoundedCache(options.maxCacheBytes);
  }

  /** The layer's revision now, or null when the database holds no such layer. */
  async revisionOf(layerId: string): Promise<number | null> {
    const revision = await queryLayerRevision(this.pool, layerId);
    if (revision === null) return null;
    const seen = this.latestRevision.get(layerId);
    if (seen !== undefined && seen < revision) this.cache.deletePrefix(`${layerId}\u0000`);
    if (seen === undefined || seen < revision) this.latestRevision.set(layerId, revision);
    return revision;
  }

  async tile(layerId: string, revision: number, address: TileAddress): Promise<ServedTile> {
    const key = `${layerId}\u0000${revision}\u0000${address.z}/${address.x}/${address.y}`;
    const cached = this.cache.get(key);
    if (cached) return { ...cached, cached: true };
    let making = this.inFlight.get(key);
    if (!making) {
      making = queryLayerTile(this.pool, layerId, address, this.options.featureBudget);
      this.inFlight.set(key, making);
      making
        .then((tile) => {
          // A save may have landed while the tile was made: keep it only under a revision still current.
          if ((this.latestRevision.get(layerId) ?? revision) <= revision) this.cache.set(key, { ...tile, byteLength: tile.bytes.byteLength });
        })
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(key));
    }
    return { ...(await making), cached: false };
  }

  get cachedBytes(): number {
    return this.cache.bytes;
  }
}
