import { resolve } from 'node:path';
import { CITY_MANIFEST_CONTRACT, duplicateDistrictIds, type CityManifest } from '../../domain/city/cityManifest';
import type { LocalizedText } from '../../domain/plan/manifest';
import { GeodataError } from '../fieldReader';
import { directoryGeodataReader, type GeodataReader } from '../geodataReader';
import { parseWithContract } from '../parseWithContract';
import { openPlanDatabase, type PlanDatabase } from '../postgres/planDatabase';
import { postgresGeodataReader } from '../postgres/postgresGeodataReader';
import { readTextFile } from '../readGeodataDirectory';

/** Node only. */

export interface CityDistrictFolder {
  id: string;
  name: LocalizedText;
  /** Absolute: the district's folder, or for a district in the database the city's, for files it does not hold (PMTiles). */
  geodataDirectory: string;
  /** Where its files are read: the folder, or the district's schema. */
  geodata: GeodataReader;
  /** What the startup lines show: the folder, or "schema <name>". */
  source: string;
}

export interface CityFolder {
  name: LocalizedText;
  /** In city.json's order. */
  districts: CityDistrictFolder[];
  /** Ends the database connections of districts in the database. */
  close(): Promise<void>;
}

/**
 * Reads `<directory>/city.json`: each district's geodata folder resolved against that directory,
 * or its schema in the database at `databaseUrl` (PLAN_MAP_DATABASE_URL).
 */
export async function readCity(directory: string, databaseUrl?: string): Promise<CityFolder> {
  const file = resolve(directory, 'city.json');
  const city: CityManifest = parseWithContract(CITY_MANIFEST_CONTRACT, await readTextFile(file), file);
  const [repeated] = duplicateDistrictIds(city);
  if (repeated !== undefined) throw new GeodataError(file, 'districts', `the district id "${repeated}" is used twice; each district needs its own address /d/<id>/`);
  const databases: PlanDatabase[] = [];
  const districts = city.districts.map((district, index): CityDistrictFolder => {
    const where = `districts/${index}`;
    if ((district.geodata === undefined) === (district.schema === undefined))
      throw new GeodataError(file, where, `district "${district.id}" needs either "geodata" (a folder) or "schema" (a database schema), not ${district.geodata === undefined ? 'neither' : 'both'}`);
    if (district.geodata !== undefined) {
      const geodataDirectory = resolve(directory, district.geodata);
      return { id: district.id, name: district.name, geodataDirectory, geodata: directoryGeodataReader(geodataDirectory), source: geodataDirectory };
    }
    if (!databaseUrl) throw new GeodataError(file, where, `district "${district.id}" is in the database (schema "${district.schema}"): set PLAN_MAP_DATABASE_URL`);
    const database = openPlanDatabase(databaseUrl, district.schema, 4);
    databases.push(database);
    return { id: district.id, name: district.name, geodataDirectory: resolve(directory), geodata: postgresGeodataReader(database, resolve(directory)), source: `schema ${district.schema}` };
  });
  return { name: city.name, districts, close: async () => void (await Promise.all(databases.map((database) => database.pool.end()))) };
}
