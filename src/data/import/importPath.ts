import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { zipSync } from 'fflate';
import { importFile, type ImportFileOptions } from './importFile';
import type { ImportResult } from './importResult';

/*
 * importFile for a path on disk, for the commands and district setup. A .shp is read with the
 * sidecars beside it (.shx, .dbf, .prj, .cpg of the same base name, in any letter case), packed
 * as the zip the import screen would be given, so both take the same path through the readers.
 */

const SIDECARS = new Set(['.shp', '.shx', '.dbf', '.prj', '.cpg']);

async function shapefileWithSidecars(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const directory = dirname(path);
  const base = basename(path, extname(path)).toLowerCase();
  const entries = await readdir(directory);
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const extension = extname(entry).toLowerCase();
    if (SIDECARS.has(extension) && basename(entry, extname(entry)).toLowerCase() === base) files[entry] = new Uint8Array(await readFile(join(directory, entry)));
  }
  return { name: `${basename(path, extname(path))}.zip`, bytes: zipSync(files, { level: 0 }) };
}

/** Throws what readFile throws (ENOENT, EISDIR…) for the caller to word; the file's own problems come back as data. */
export async function importPath(path: string, options: ImportFileOptions = {}): Promise<ImportResult> {
  if (/\.shp$/i.test(path)) {
    const packed = await shapefileWithSidecars(path);
    return importFile(packed.name, packed.bytes, options);
  }
  return importFile(basename(path), new Uint8Array(await readFile(path)), options);
}
