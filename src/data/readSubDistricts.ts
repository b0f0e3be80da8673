import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubDistrict } from '../domain/streets/streetOfShape';
import { parseSubDistricts, SUB_DISTRICTS_FILE } from './parseSubDistricts';

/**
 * Node only: the basemap's sub-district boundaries in a geodata folder, or none when the file is
 * missing or unreadable (a district without them; features then name their sub-district alone).
 */
export async function readSubDistricts(geodataDirectory: string): Promise<SubDistrict[]> {
  return subDistrictsOfText(await readFile(join(geodataDirectory, SUB_DISTRICTS_FILE), 'utf8').catch(() => null));
}

/** The same from the boundary file's text (null when missing), wherever it is stored. */
export function subDistrictsOfText(text: string | null): SubDistrict[] {
  if (text === null) return [];
  try {
    return parseSubDistricts(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
}
