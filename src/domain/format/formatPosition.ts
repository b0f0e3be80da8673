import type { Locale } from '../plan/manifest';
import type { PlanGeometry } from '../plan/planFeature';

/** Six decimals of a degree are about 10 cm: as precise as anyone places a facility. */
const DECIMALS = 6;

function hemisphere(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(DECIMALS)}°${value < 0 ? negative : positive}`;
}

/**
 * Where a point feature stands, as a point layer's details show it instead of an area:
 * "102.695900°E, 24.997000°N"; a MultiPoint gives its number of sites and its first ("2 处：…").
 * '' for other geometry.
 */
export function formatPosition(geometry: PlanGeometry | null | undefined, locale: Locale): string {
  if (!geometry || (geometry.type !== 'Point' && geometry.type !== 'MultiPoint')) return '';
  const first = geometry.type === 'Point' ? geometry.coordinates : geometry.coordinates[0];
  const [lon, lat] = first ?? [];
  if (lon === undefined || lat === undefined) return '';
  const text = `${hemisphere(lon, 'E', 'W')}, ${hemisphere(lat, 'N', 'S')}`;
  if (geometry.type === 'Point' || geometry.coordinates.length === 1) return text;
  const sites = geometry.coordinates.length;
  return locale === 'zh' ? `${sites} 处，首处 ${text}` : `${sites} sites, the first at ${text}`;
}
