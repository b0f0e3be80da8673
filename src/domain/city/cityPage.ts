import type { LocalizedText } from '../plan/manifest';
import type { CityTargets } from './cityTargets';

/** Where a district's app is, relative to the city page: its map, geodata (geodata/) and API (api/) all live under it. */
export function districtPath(districtId: string): string {
  return `d/${districtId}/`;
}

/** What the city page and the present city view show: the server's city.json answer. */
export interface CityPage {
  name: LocalizedText;
  districts: { id: string; name: LocalizedText; path: string }[];
  targets: CityTargets;
}
