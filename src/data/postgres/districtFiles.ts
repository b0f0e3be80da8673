import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isTempFileName } from '../tempFileName';

/**
 * The files of a geodata folder that a store moves, as paths relative to it with "/" between
 * parts. PMTiles basemaps stay out: an archive can run to gigabytes and is read in pieces, so
 * every app server serves its own copy from PLAN_MAP_GEODATA (docs/database.md).
 */
export async function districtFilesIn(directory: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && !entry.name.endsWith('.pmtiles') && !isTempFileName(entry.name)) found.push(relative(directory, path).split(sep).join('/'));
    }
  };
  await walk(directory);
  return found.sort();
}
