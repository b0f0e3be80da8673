import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the server reads the district's files: the geodata folder itself (file store), or the
 * database with the folder behind it for what the database does not hold (PMTiles basemaps).
 * Paths are relative to the district ("layers.json", "basemap/district.geojson") and come from
 * manifest ids or URL paths already resolved inside the folder, never from raw request text.
 */
export interface GeodataReader {
  read(path: string): Promise<Buffer | null>;
  /** Changes whenever the file's content may have changed, without reading it; null when it is missing. */
  changeKey(path: string): Promise<string | null>;
  /** The folder of files served from disk in pieces (PMTiles), in either store. */
  readonly directory: string;
}

export function directoryGeodataReader(directory: string): GeodataReader {
  return {
    directory,
    read: (path) => readFile(join(directory, path)).catch(() => null),
    changeKey: async (path) => {
      const info = await stat(join(directory, path)).catch(() => null);
      return info?.isFile() ? `${info.size}:${info.mtimeMs}` : null;
    },
  };
}
