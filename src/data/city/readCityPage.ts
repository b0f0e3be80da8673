import { districtPath, type CityPage } from '../../domain/city/cityPage';
import { cityTargets } from '../../domain/city/cityTargets';
import { measureLayer } from '../../domain/measure/measuredLayer';
import { readGeodataFrom } from '../readGeodataDirectory';
import type { CityFolder } from './readCity';

/**
 * Node only: every district's geodata read and measured, and their targets side by side as of
 * `asOfDate`: what the server's /city.json answers and `stats --city` prints.
 */
export async function readCityPage(city: CityFolder, asOfDate: string): Promise<CityPage> {
  const districts = await Promise.all(city.districts.map(async (district) => {
    const { manifest, layers } = await readGeodataFrom(district.geodata, district.source);
    return { id: district.id, name: district.name, manifest, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
  }));
  return {
    name: city.name,
    districts: city.districts.map((district) => ({ id: district.id, name: district.name, path: districtPath(district.id) })),
    targets: cityTargets(districts, asOfDate),
  };
}
