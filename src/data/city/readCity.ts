import { resolve } from 'node:path';
import { CITY_MANIFEST_CONTRACT, duplicateDistrictIds, type CityManifest } from '../../domain/city/cityManifest';
import type { LocalizedText } from '../../domain/plan/manifest';
import { GeodataError } from '../fieldReader';
import { parseWithContract } from '../parseWithContract';
import { readTextFile } from '../readGeodataDirectory';

/** Node only. */

export interface CityDistrictFolder {
  id: string;
  name: LocalizedText;
  /** Absolute. */
  geodataDirectory: string;
}

export interface CityFolder {
  name: LocalizedText;
  /** In city.json's order. */
  districts: CityDistrictFolder[];
}

/** Reads `<directory>/city.json`, each district's geodata folder resolved against that directory. */
export async function readCity(directory: string): Promise<CityFolder> {
  const file = resolve(directory, 'city.json');
  const city: CityManifest = parseWithContract(CITY_MANIFEST_CONTRACT, await readTextFile(file), file);
  const [repeated] = duplicateDistrictIds(city);
  if (repeated !== undefined) throw new GeodataError(file, 'districts', `the district id "${repeated}" is used twice; each district needs its own address /d/<id>/`);
  return {
    name: city.name,
    districts: city.districts.map((district) => ({ id: district.id, name: district.name, geodataDirectory: resolve(directory, district.geodata) })),
  };
}
