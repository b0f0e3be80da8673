import type { Locale } from '../../domain/plan/manifest';
import { isCalendarDate } from '../../domain/dates/isCalendarDate';

/** The city page's view in its address: `?mode=city` (the table) or `?mode=city-present`, `lang=en`, `date=YYYY-MM-DD`. */
export interface CityView {
  present: boolean;
  locale: Locale;
  asOfDate: string | null;
}

export const CITY_MODES = ['city', 'city-present'] as const;

/** Whether an address opens the city page rather than a district's map (src/ui/main.tsx). */
export function isCityMode(search: string): boolean {
  const mode = new URLSearchParams(search).get('mode');
  return CITY_MODES.some((candidate) => candidate === mode);
}

export function cityViewFromSearch(search: string): CityView {
  const params = new URLSearchParams(search);
  const date = params.get('date') ?? '';
  return { present: params.get('mode') === 'city-present', locale: params.get('lang') === 'en' ? 'en' : 'zh', asOfDate: isCalendarDate(date) ? date : null };
}

export function searchFromCityView(view: CityView): string {
  const params = new URLSearchParams({ mode: view.present ? 'city-present' : 'city' });
  if (view.locale !== 'zh') params.set('lang', view.locale);
  if (view.asOfDate) params.set('date', view.asOfDate);
  return `?${params.toString()}`;
}

/** A district's map from the city page, in the same language, presenting when the city is. */
export function districtHref(path: string, view: CityView): string {
  const params = new URLSearchParams();
  if (view.present) params.set('mode', 'present');
  if (view.locale !== 'zh') params.set('lang', view.locale);
  if (view.asOfDate) params.set('date', view.asOfDate);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The city page of a district's map served by a city server (/d/<id>/ under it), in the map's
 * language; null for a district served on its own. Relative, so it works behind any path prefix.
 */
export function cityPageHref(pathname: string, locale: Locale): string | null {
  if (!/\/d\/[a-z0-9-]+\/$/.test(pathname)) return null;
  return `../../?mode=city${locale === 'en' ? '&lang=en' : ''}`;
}
