import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bounds } from '../domain/measure/featureBounds';
import { districtBoundaryIn, districtExtentOf, districtExtentOfBounds, type DistrictExtent } from '../domain/plausibility/districtExtent';

/**
 * Node only: the district as the plausibility check measures it, from geodata/basemap/district.geojson;
 * the manifest's `bounds` stand in when that file is missing or holds no polygon (a geodata
 * folder without its basemap).
 */
export async function readDistrictExtent(geodataDirectory: string, bounds: Bounds): Promise<DistrictExtent> {
  return districtExtentOfBoundaryText(await readFile(join(geodataDirectory, DISTRICT_BOUNDARY_FILE), 'utf8').catch(() => null), bounds);
}

/** The boundary file's path inside a district's geodata. */
export const DISTRICT_BOUNDARY_FILE = 'basemap/district.geojson';

/** The same from the boundary file's text (null when missing), wherever it is stored. */
export function districtExtentOfBoundaryText(text: string | null, bounds: Bounds): DistrictExtent {
  let boundary;
  try {
    boundary = text === null ? undefined : districtBoundaryIn(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    boundary = undefined;
  }
  return boundary ? districtExtentOf(boundary) : districtExtentOfBounds(bounds);
}
