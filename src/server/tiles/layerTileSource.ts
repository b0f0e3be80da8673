import type { SearchableLayer } from '../../domain/browse/searchFeatures';
import type { LayerGroups } from '../../domain/progress/layerGroups';
import type { StatusFacets } from '../../domain/progress/statusFacets';
import type { DayGroup } from '../../domain/progress/targetSeriesFromDays';
import type { TileAddress } from '../../domain/tiles/tileAddress';
import type { LayerSpread, LayerTile } from '../../data/postgres/layerTileQuery';

/** A tile as served, and whether the cache had it (for the X-Plan-Tile-Cache header and the bench). */
export interface ServedTile extends LayerTile {
  cached: boolean;
}

/**
 * Where the tiled layers' tiles, counts and search come from: the database (LayerTiles), or in
 * the file store, a layer's static copy written by `store tiles` (ArchiveTiles, docs/tiles.md).
 */
export interface LayerTileSource {
  /** `archive`: the file store, where only layers with a static copy have tiles. */
  readonly kind: 'database' | 'archive';
  /** Whether the page draws the layer from this source's tiles, given the threshold of projects. */
  drawsTiled(layerId: string, minFeatures: number): Promise<boolean>;
  /** The layer's revision now (names its tiles' ETags), or null when this source has no such layer. */
  revisionOf(layerId: string): Promise<number | null>;
  tile(layerId: string, revision: number, address: TileAddress): Promise<ServedTile>;
  statusGroups(layerId: string, revision: number, day: number | null, facets: StatusFacets): Promise<LayerGroups>;
  statusDays(layerId: string, facets: StatusFacets): Promise<DayGroup[]>;
  spread(layerId: string): Promise<LayerSpread | null>;
  /** Candidates for the page's search (searchFeatures ranks them); null when this source cannot search. */
  searchCandidates(layerId: string, needle: string, limit: number): Promise<SearchableLayer | null>;
}
