import type { CityPage } from '../../domain/city/cityPage';
import { isRecord } from '../../domain/isRecord';

export type CityPageResult = { ok: true; page: CityPage } | { ok: false; message: string };

/**
 * Browser side: `<baseUrl>city.json`, the city server's districts and their targets side by side
 * as of `asOfDate` (today when null). Only the shape's outline is checked: the same server wrote it
 * with the same types (src/server/city).
 */
export async function fetchCityPage(baseUrl: string, asOfDate: string | null, signal: AbortSignal): Promise<CityPageResult> {
  const url = new URL('city.json', baseUrl);
  if (asOfDate) url.searchParams.set('date', asOfDate);
  const response = await fetch(url.href, { signal, cache: 'no-cache' }).catch((error: unknown) => error);
  if (!(response instanceof Response)) return { ok: false, message: `city.json: ${response instanceof Error ? response.message : String(response)}` };
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = isRecord(body) && isRecord(body.message) && typeof body.message.en === 'string' ? `${String(body.message.zh)} / ${body.message.en}` : `HTTP ${response.status}`;
    return { ok: false, message: `city.json: ${message}` };
  }
  if (!isRecord(body) || !Array.isArray(body.districts) || !isRecord(body.targets) || !Array.isArray(body.targets.rows)) {
    return { ok: false, message: 'city.json: 不是城市服务器的回答 / not a city server’s answer (start the server with PLAN_MAP_CITY)' };
  }
  // Checked in outline just above; the rest is the server's own CityPage.
  return { ok: true, page: body as unknown as CityPage };
}
