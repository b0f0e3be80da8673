import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import type { LayerGroups } from '../../domain/progress/layerGroups';
import { groupsOnDay } from '../../domain/progress/groupsOnDay';
import type { DayGroup } from '../../domain/progress/targetSeriesFromDays';
import type { TileAddress } from '../../domain/tiles/tileAddress';
import { layerTileArchiveFile } from '../../data/layerTileArchiveFile';
import { FileRangeSource } from '../../data/pmtiles/fileRangeSource';
import type { LayerSpread } from '../../data/postgres/layerTileQuery';
import type { LayerTileSource, ServedTile } from './layerTileSource';

interface OpenArchive {
  revision: number;
  archive: PMTiles;
  source: FileRangeSource;
  /** What `store tiles` put in the metadata: the project count and the changes per day. */
  metadata: Promise<{ featureCount: number; days: DayGroup[] }>;
}

function planMapMetadata(value: unknown): { featureCount: number; days: DayGroup[] } {
  const planMap = typeof value === 'object' && value !== null ? (value as { planMap?: { featureCount?: unknown; days?: unknown } }).planMap : undefined;
  return {
    featureCount: typeof planMap?.featureCount === 'number' ? planMap.featureCount : 0,
    days: Array.isArray(planMap?.days) ? (planMap.days as DayGroup[]) : [],
  };
}

/**
 * The file store's tiled layers: each layer with a static copy in the geodata folder
 * (tiles/<layer>.pmtiles, written by `store tiles` from the database) is drawn from it, its tiles
 * read piece by piece and its statistics summed from the changes per day the copy carries. The
 * copy's modification time is its revision. Search is the database's only.
 */
export class ArchiveTiles implements LayerTileSource {
  readonly kind = 'archive';
  private readonly open = new Map<string, OpenArchive>();

  constructor(private readonly geodataDirectory: string) {}

  async revisionOf(layerId: string): Promise<number | null> {
    const path = join(this.geodataDirectory, layerTileArchiveFile(layerId));
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) return null;
    return Math.floor(found.mtimeMs);
  }

  async drawsTiled(layerId: string): Promise<boolean> {
    return (await this.revisionOf(layerId)) !== null;
  }

  async tile(layerId: string, revision: number, address: TileAddress): Promise<ServedTile> {
    const found = await this.archiveOf(layerId, revision).archive.getZxy(address.z, address.x, address.y);
    const bytes = found ? Buffer.from(found.data) : Buffer.alloc(0);
    return { bytes, featureCount: 0, truncated: false, cached: false };
  }

  async statusGroups(layerId: string, revision: number, day: number | null): Promise<LayerGroups> {
    return groupsOnDay((await this.archiveOf(layerId, revision).metadata).days, day);
  }

  async statusDays(layerId: string): Promise<DayGroup[]> {
    const revision = await this.revisionOf(layerId);
    return revision === null ? [] : (await this.archiveOf(layerId, revision).metadata).days;
  }

  async spread(layerId: string): Promise<LayerSpread | null> {
    const revision = await this.revisionOf(layerId);
    if (revision === null) return null;
    const opened = this.archiveOf(layerId, revision);
    const [header, { featureCount }] = await Promise.all([opened.archive.getHeader(), opened.metadata]);
    return { featureCount, bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat] };
  }

  async searchCandidates(): Promise<null> {
    return null;
  }

  private archiveOf(layerId: string, revision: number): OpenArchive {
    const known = this.open.get(layerId);
    if (known?.revision === revision) return known;
    if (known) void known.source.close();
    const source = new FileRangeSource(join(this.geodataDirectory, layerTileArchiveFile(layerId)), `${layerId}@${revision}`);
    const archive = new PMTiles(source);
    const opened: OpenArchive = { revision, archive, source, metadata: archive.getMetadata().then(planMapMetadata) };
    this.open.set(layerId, opened);
    return opened;
  }
}
