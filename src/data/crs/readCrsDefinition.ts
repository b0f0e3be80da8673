import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CrsDefinition } from '../../domain/crs/crsDefinition';
import { crsDefinitionOfEntry, type RegistryEntry } from './loadCrsDefinition';

/*
 * Node side of the EPSG registry: the package keeps one small file per code beside the whole
 * index (epsg-index/s/<code>.json), so a command reads only the code it needs instead of
 * parsing 8 MB. The browser loads the whole index as one lazy chunk (loadCrsDefinition).
 */

const registryDirectory = join(dirname(createRequire(import.meta.url).resolve('epsg-index/all.json')), 's');

export async function readCrsDefinition(code: number): Promise<CrsDefinition | undefined> {
  if (!Number.isInteger(code) || code <= 0) return undefined;
  let text: string;
  try {
    text = await readFile(join(registryDirectory, `${code}.json`), 'utf8');
  } catch {
    return undefined;
  }
  return crsDefinitionOfEntry(code, JSON.parse(text) as RegistryEntry);
}
