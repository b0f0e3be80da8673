import { gzipSync } from 'fflate';
import { zxyToTileId } from 'pmtiles';

/**
 * A PMTiles version 3 archive in memory, written from the specification
 * (github.com/protomaps/PMTiles, spec/v3/spec.md): a 127-byte header, one root directory, JSON
 * metadata and the tiles, each gzipped as the Protomaps builds are, tiles clustered in tile-id
 * order. The `pmtiles` package reads archives but writes none. Used for a tiled layer's static
 * copy (`store tiles`, docs/tiles.md) and for the tests' basemap. One root directory: a layer's
 * few thousand tiles keep it within the first 16 KB readers fetch.
 */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

export interface ArchiveDescription {
  tiles: readonly ArchiveTile[];
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
}

const HEADER_BYTES = 127;
const COMPRESSION_GZIP = 2;
/** A fixed gzip header time, so the same tiles make the same bytes. */
const gzip = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, { level: 9, mtime: 0 });
const TILE_TYPE_MVT = 1;

function varints(values: readonly number[]): number[] {
  const bytes: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      bytes.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    bytes.push(value);
  }
  return bytes;
}

export function writePmtilesArchive(archive: ArchiveDescription): Uint8Array {
  const entries = archive.tiles
    .map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), bytes: gzip(tile.bytes) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const placed = entries.map((entry) => {
    const at = offset;
    offset += entry.bytes.byteLength;
    return { ...entry, offset: at };
  });
  // Directory: count, tile-id deltas, run lengths, lengths, then offsets (0 = right after the previous tile).
  const directory = gzip(Uint8Array.from(varints([
    placed.length,
    ...placed.map((entry, index) => entry.tileId - (index === 0 ? 0 : (placed[index - 1]?.tileId ?? 0))),
    ...placed.map(() => 1),
    ...placed.map((entry) => entry.bytes.byteLength),
    ...placed.map((_, index) => (index === 0 ? 1 : 0)),
  ])));
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(archive.metadata)));
  const tileDataOffset = HEADER_BYTES + directory.byteLength + metadata.byteLength;
  const total = new Uint8Array(tileDataOffset + offset);
  const view = new DataView(total.buffer);
  total.set(new TextEncoder().encode('PMTiles'), 0);
  total[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, HEADER_BYTES);
  u64(16, directory.byteLength);
  u64(24, HEADER_BYTES + directory.byteLength);
  u64(32, metadata.byteLength);
  u64(40, 0);
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, offset);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  total[96] = 1;
  total[97] = COMPRESSION_GZIP;
  total[98] = COMPRESSION_GZIP;
  total[99] = TILE_TYPE_MVT;
  const zooms = placed.length === 0 ? [0] : archive.tiles.map((tile) => tile.z);
  total[100] = Math.min(...zooms);
  total[101] = Math.max(...zooms);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = archive.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  total[118] = archive.center[2];
  view.setInt32(119, e7(archive.center[0]), true);
  view.setInt32(123, e7(archive.center[1]), true);
  total.set(directory, HEADER_BYTES);
  total.set(metadata, HEADER_BYTES + directory.byteLength);
  for (const entry of placed) total.set(entry.bytes, tileDataOffset + entry.offset);
  return total;
}
