import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCity, type CityFolder } from '../../src/data/city/readCity';
import { readCityPage } from '../../src/data/city/readCityPage';
import { GeodataError } from '../../src/data/fieldReader';
import { createCityServer } from '../../src/server/city/createCityServer';
import { listenOnFreePort, type RunningServer } from '../e2e/support/startPlanMapServer';
import { importTestDistrict, testDatabaseUrl, type TestDistrictSchema } from '../support/databaseTestStore';
import { projectDirectory, SAMPLE_CITY_DIRECTORY } from '../support/startCityServer';

/*
 * A city whose districts are a geodata folder and a schema of the database: the city page and
 * each district's map read the schema as they read a folder, and show the same figures as the
 * sample city, whose second district is the same data kept in a folder.
 */

const DAY = '2026-06-30';
let rootDirectory: string;
let xishan: TestDistrictSchema;
let city: CityFolder;
let server: RunningServer;

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-city-db-'));
  xishan = await importTestDistrict(resolve(SAMPLE_CITY_DIRECTORY, 'xishan'));
  const sample = JSON.parse(await readFile(join(SAMPLE_CITY_DIRECTORY, 'city.json'), 'utf8')) as { name: unknown; districts: { id: string; name: unknown }[] };
  const [hubin, second] = sample.districts;
  await writeFile(
    join(rootDirectory, 'city.json'),
    JSON.stringify({ name: sample.name, districts: [{ ...hubin, geodata: resolve(projectDirectory, 'geodata') }, { id: second?.id, name: second?.name, schema: xishan.database.schema }] }),
  );
  city = await readCity(rootDirectory, testDatabaseUrl());
  server = await listenOnFreePort(createCityServer({ distDirectory: resolve(projectDirectory, 'dist'), city }));
});
afterAll(async () => {
  await server?.close();
  await city?.close();
  await xishan?.drop();
  await rm(rootDirectory, { recursive: true, force: true });
});

describe('a district kept in the database', () => {
  it('gives the city page the same targets as the same district in a folder', async () => {
    const fromFolders = await readCity(SAMPLE_CITY_DIRECTORY);
    expect(await readCityPage(city, DAY)).toEqual(await readCityPage(fromFolders, DAY));
    const served = (await (await fetch(`${server.baseUrl}city.json?date=${DAY}`)).json()) as unknown;
    expect(served).toEqual(JSON.parse(JSON.stringify(await readCityPage(fromFolders, DAY))));
  });

  it('serves its map the files the database holds, byte for byte', async () => {
    for (const path of ['layers.json', 'urban-villages.geojson', 'basemap/district.geojson']) {
      const response = await fetch(`${server.baseUrl}d/xishan/geodata/${path}`);
      expect(response.status, path).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(SAMPLE_CITY_DIRECTORY, 'xishan', path))), path).toBe(true);
    }
  });

  it('needs the database address, and says so naming the district', async () => {
    const refused = await readCity(rootDirectory).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(GeodataError);
    expect(String((refused as Error).message)).toContain('PLAN_MAP_DATABASE_URL');
    expect(String((refused as Error).message)).toContain('xishan');
  });
});
