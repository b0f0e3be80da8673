import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverSettingsFromEnv } from '../../../src/server/serverSettingsFromEnv';
import { readCity } from '../../../src/data/city/readCity';
import { GeodataError } from '../../../src/data/fieldReader';
import { SAMPLE_CITY_DIRECTORY } from '../../support/startCityServer';

describe('a city of districts in the settings', () => {
  it('is off unless PLAN_MAP_CITY names a folder, which is then resolved', () => {
    expect(serverSettingsFromEnv({}, '/project').cityDirectory).toBeUndefined();
    expect(serverSettingsFromEnv({ PLAN_MAP_CITY: 'geodata-city' }, '/project').cityDirectory).toBe(resolve('geodata-city'));
  });

  it('reads city.json with each district’s folder resolved beside it', async () => {
    const city = await readCity(SAMPLE_CITY_DIRECTORY);
    expect(city.districts.map((district) => [district.id, district.geodataDirectory])).toEqual([
      ['hubin', resolve(SAMPLE_CITY_DIRECTORY, '../geodata')],
      ['xishan', resolve(SAMPLE_CITY_DIRECTORY, 'xishan')],
    ]);
    await expect(readCity(resolve(SAMPLE_CITY_DIRECTORY, 'xishan'))).rejects.toBeInstanceOf(GeodataError);
  });
});
