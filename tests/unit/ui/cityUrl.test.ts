import { describe, expect, it } from 'vitest';
import { cityPageHref, cityViewFromSearch, districtHref, isCityMode, searchFromCityView } from '../../../src/ui/city/cityUrl';

describe('the city page’s addresses', () => {
  it('opens the city page only for its own modes, and keeps language, date and presenting in the link', () => {
    expect(isCityMode('?mode=city')).toBe(true);
    expect(isCityMode('?mode=city-present&lang=en')).toBe(true);
    expect(isCityMode('?mode=present')).toBe(false);
    expect(isCityMode('')).toBe(false);
    const view = cityViewFromSearch('?mode=city-present&lang=en&date=2026-06-30');
    expect(view).toEqual({ present: true, locale: 'en', asOfDate: '2026-06-30' });
    expect(searchFromCityView(view)).toBe('?mode=city-present&lang=en&date=2026-06-30');
    expect(cityViewFromSearch('?mode=city&date=2026-02-30').asOfDate).toBeNull();
  });

  it('opens a district in the same language, presenting when the city is, and links back only under /d/<id>/', () => {
    expect(districtHref('d/xishan/', { present: false, locale: 'zh', asOfDate: null })).toBe('d/xishan/');
    expect(districtHref('d/xishan/', { present: true, locale: 'en', asOfDate: '2026-06-30' })).toBe('d/xishan/?mode=present&lang=en&date=2026-06-30');
    expect(cityPageHref('/d/xishan/', 'en')).toBe('../../?mode=city&lang=en');
    expect(cityPageHref('/plan/d/xishan/', 'zh')).toBe('../../?mode=city');
    expect(cityPageHref('/', 'zh')).toBeNull();
  });
});
