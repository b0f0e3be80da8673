import { array, object, optional, string } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';
import { localizedTextContract } from '../plan/localizedText';

/** A district's id names its address (/d/<id>/), so it is a URL-safe slug. */
export const DISTRICT_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';

/**
 * city.json: a city's name and its districts, each a geodata folder (relative to city.json's own
 * folder) or a schema of the database, that one server serves side by side (README: 城市 / A
 * city of districts).
 */
export const CITY_MANIFEST_CONTRACT = object({
  name: localizedTextContract,
  districts: array(object({
    id: string({ pattern: DISTRICT_ID_PATTERN, description: '区的编号，用于网址 /d/<id>/。The district id, used in its address /d/<id>/.' }),
    name: localizedTextContract,
    geodata: optional(string({ minLength: 1, description: '数据目录，相对于 city.json 所在目录。The geodata folder, relative to the folder of city.json.' })),
    schema: optional(string({ pattern: '^[a-z_][a-z0-9_]{0,62}$', description: '或：数据库中该区的模式（须设置 PLAN_MAP_DATABASE_URL）。Or: the district\'s schema in the database (needs PLAN_MAP_DATABASE_URL).' })),
  }), { minItems: 1 }),
});

export type CityManifest = Infer<typeof CITY_MANIFEST_CONTRACT>;

/** Ids that appear more than once: two districts at one address cannot both be served. */
export function duplicateDistrictIds(city: CityManifest): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const district of city.districts) (seen.has(district.id) ? repeated : seen).add(district.id);
  return [...repeated];
}
