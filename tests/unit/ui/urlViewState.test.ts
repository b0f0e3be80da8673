import { describe, expect, it } from 'vitest';
import { searchFromViewState, viewStateFromSearch } from '../../../src/ui/urlViewState';
import { initialViewState, type ViewState } from '../../../src/ui/viewState';

describe('a shared link reopens the same view', () => {
  const view: ViewState = {
    mode: 'present',
    asOfDate: '2025-06-30',
    compareDate: '2024-03-31',
    tourScene: 2,
    kiosk: true,
    locale: 'en',
    camera: { center: [102.71234, 24.95678], zoom: 14.25 },
    hiddenLayerIds: ['roads', 'lakeshore'],
    statusFilters: { 'urban-villages': ['demolishing', 'demolished'], 'idle-land': ['pending'] },
    streets: ['海埂街道', '金湖街道'],
    lateOnly: true,
    selected: { layerId: 'old-neighborhoods', featureId: 'ON-017' },
    basemap: 'osm',
  };

  it('round-trips every part of the view through the URL', () => {
    expect(viewStateFromSearch(searchFromViewState(view))).toEqual(view);
  });

  it('writes nothing for the default view, so the plain URL opens the district', () => {
    expect(searchFromViewState(initialViewState)).toBe('');
    expect(viewStateFromSearch('')).toEqual(initialViewState);
  });

  it('keeps links readable: the camera in the OpenStreetMap zoom/lat/lon form', () => {
    expect(searchFromViewState(view)).toContain('map=14.25/24.95678/102.71234');
    expect(searchFromViewState(view)).toContain('status=urban-villages:demolishing,demolished;idle-land:pending');
    expect(searchFromViewState(view)).toContain('tour=3');
    expect(searchFromViewState(view)).toContain('late=1');
  });

  it('falls back to defaults for malformed or hostile values instead of failing to open', () => {
    const parsed = viewStateFromSearch('?map=abc/1/2&basemap=<script>&lang=fr&feature=noslash&status=:x;roads:&date=2025-02-30&mode=edit');
    expect(parsed.asOfDate).toBeNull();
    expect(parsed.mode).toBe('browse');
    expect(parsed.camera).toBeNull();
    expect(parsed.basemap).toBe('offline');
    expect(parsed.locale).toBe('zh');
    expect(parsed.selected).toBeNull();
    expect(parsed.statusFilters).toEqual({});
  });

  it('rejects a camera outside the world', () => {
    expect(viewStateFromSearch('?map=12/95/102').camera).toBeNull();
    expect(viewStateFromSearch('?map=12/25/190').camera).toBeNull();
  });

  it('keeps feature ids that contain a slash', () => {
    expect(viewStateFromSearch('?feature=roads/RD/07').selected).toEqual({ layerId: 'roads', featureId: 'RD/07' });
  });
});
