import type pg from 'pg';
import { isTiledLayer } from '../../domain/tiles/tiledLayer';
import type { LayerTileSource, ServedTile } from './layerTileSource';
import type { SearchableLayer } from '../../domain/browse/searchFeatures';
import { queryLayerSearch } from '../../data/postgres/layerSearchQuery';
import type { TileAddress } from '../../domain/tiles/tileAddress';
import { queryLayerRevision, queryLayerSpread, queryLayerTile, type LayerSpread, type LayerTile } from '../../data/postgres/layerTileQuery';
import { TILE_FEATURE_BUDGET, tileStride } from '../../domain/tiles/tileStride';
import { queryStatusGroups, type LayerGroups } from '../../data/postgres/statusGroupsQuery';
import { ensureStatusFacets } from '../../data/postgres/ensureStatusFacets';
import { queryStatusDays } from '../../data/postgres/statusDaysQuery';
import type { DayGroup } from '../../domain/progress/targetSeriesFromDays';
import { statusFacetsKey, type StatusFacets } from '../../domain/progress/statusFacets';

/** Days of status groups kept: a few layers' timelines, each answer a few dozen rows. */
const MAX_GROUP_ENTRIES = 256;
import { ByteBoundedCache } from './byteBoundedCache';

export interface LayerTilesOptions {
  /** Memory the tile cache may hold; tiles of old revisions go first (docs/tiles.md). */
  maxCacheBytes: number;
  /** Most features one tile holds, so a low-zoom tile of a million parcels stays bounded (docs/tiles.md). */
  featureBudget: number;
}

export const DEFAULT_LAYER_TILES_OPTIONS: LayerTilesOptions = { maxCacheBytes: 256 * 1024 * 1024, featureBudget: TILE_FEATURE_BUDGET };


/**
 * Vector tiles of plan layers from the database (ST_AsMVT), kept in memory per layer revision
 * and tile. The revision grows by one at every save in the save's transaction, and every request
 * reads it first (one primary-key lookup), so a tile made before a save is never served after it,
 * whichever server on the database took the save; the old revision's tiles are dropped the first
 * time a newer revision is seen.
 */
export class LayerTiles implements LayerTileSource {
  readonly kind = 'database';
  private readonly cache: ByteBoundedCache<LayerTile & { byteLength: number }>;
  private readonly latestRevision = new Map<string, number>();
  /** Requests for a tile being made wait for it instead of making it again. */
  private readonly inFlight = new Map<string, Promise<LayerTile>>();
  /** Status groups per layer, revision, target facets and day: a timeline step asks for each day once. */
  private readonly groups = new Map<string, Promise<LayerGroups>>();
  /** Each layer's count and box at a revision, read once per revision for the strides. */
  private readonly spreads = new Map<string, { revision: number; spread: Promise<LayerSpread> }>();

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
    if (seen !== undefined && seen < revision) {
      this.cache.deletePrefix(`${layerId}\u0000`);
      for (const key of [...this.groups.keys()]) if (key.startsWith(`${layerId}\u0000`)) this.groups.delete(key);
    }
    if (seen === undefined || seen < revision) this.latestRevision.set(layerId, revision);
    return revision;
  }

  async tile(layerId: string, revision: number, address: TileAddress): Promise<ServedTile> {
    const key = `${layerId}\u0000${revision}\u0000${address.z}/${address.x}/${address.y}`;
    const cached = this.cache.get(key);
    if (cached) return { ...cached, cached: true };
    let making = this.inFlight.get(key);
    if (!making) {
      making = this.spreadOf(layerId, revision).then((spread) =>
        queryLayerTile(this.pool, layerId, address, { featureBudget: this.options.featureBudget, stride: tileStride(spread, address.z, this.options.featureBudget) }),
      );
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

  /**
   * The layer's projects summed by status on `day` (dayKey; null: today's) and sub-district, and
   * by the targets' facets, at `revision`. The facets come from the manifest, which a save of the
   * layer does not change: they are part of the key.
   */
  statusGroups(layerId: string, revision: number, day: number | null, facets: StatusFacets): Promise<LayerGroups> {
    const key = `${layerId}\u0000${revision}\u0000${statusFacetsKey(facets)}\u0000${day ?? 'now'}`;
    let found = this.groups.get(key);
    if (!found) {
      found = ensureStatusFacets(this.pool, layerId, facets).then(() => queryStatusGroups(this.pool, layerId, day));
      found.catch(() => this.groups.delete(key));
      if (this.groups.size >= MAX_GROUP_ENTRIES) {
        const oldest = this.groups.keys().next().value;
        if (oldest !== undefined) this.groups.delete(oldest);
      }
      this.groups.set(key, found);
    }
    return found;
  }

  /** The layer's status changes summed per day, with the target facets `facets` (for targets over time). */
  async statusDays(layerId: string, facets: StatusFacets): Promise<DayGroup[]> {
    await ensureStatusFacets(this.pool, layerId, facets);
    return queryStatusDays(this.pool, layerId);
  }

  async drawsTiled(layerId: string, minFeatures: number): Promise<boolean> {
    const spread = await this.spread(layerId);
    return spread !== null && isTiledLayer(spread.featureCount, minFeatures);
  }

  searchCandidates(layerId: string, needle: string, limit: number): Promise<SearchableLayer> {
    return queryLayerSearch(this.pool, layerId, needle, limit);
  }

  /** The layer's project count and box now, or null when the database holds no such layer. */
  async spread(layerId: string): Promise<LayerSpread | null> {
    const revision = await this.revisionOf(layerId);
    return revision === null ? null : this.spreadOf(layerId, revision);
  }

  private spreadOf(layerId: string, revision: number): Promise<LayerSpread> {
    const known = this.spreads.get(layerId);
    if (known && known.revision >= revision) return known.spread;
    const spread = queryLayerSpread(this.pool, layerId);
    spread.catch(() => this.spreads.delete(layerId));
    this.spreads.set(layerId, { revision, spread });
    return spread;
  }

  get cachedBytes(): number {
    return this.cache.bytes;
  }
}
