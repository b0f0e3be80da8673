import type { SubDistrict } from '../domain/streets/streetOfShape';
import { httpFailure } from './httpFailure';
import { parseSubDistricts, SUB_DISTRICTS_FILE } from './parseSubDistricts';

/** The basemap's sub-district boundaries, from the geodata folder at `geodataUrl` (the file the map draws them from). */
export async function fetchSubDistricts(geodataUrl: string): Promise<SubDistrict[]> {
  const response = await fetch(new URL(SUB_DISTRICTS_FILE, geodataUrl).href, { credentials: 'same-origin' });
  if (!response.ok) throw httpFailure(SUB_DISTRICTS_FILE, response);
  return parseSubDistricts(await response.text());
}
