import { describe, expect, it } from 'vitest';
import { viewReducer } from '../../../src/ui/viewReducer';
import { initialViewState } from '../../../src/ui/viewState';

describe('view changes', () => {
  it('toggles a status filter on and off, dropping the layer entry when none is chosen', () => {
    const on = viewReducer(initialViewState, { type: 'toggleStatus', layerId: 'roads', statusId: 'open' });
    expect(on.statusFilters).toEqual({ roads: ['open'] });
    const both = viewReducer(on, { type: 'toggleStatus', layerId: 'roads', statusId: 'building' });
    expect(both.statusFilters.roads).toEqual(['open', 'building']);
    const off = viewReducer(viewReducer(both, { type: 'toggleStatus', layerId: 'roads', statusId: 'open' }),
      { type: 'toggleStatus', layerId: 'roads', statusId: 'building' });
    expect(off.statusFilters).toEqual({});
  });

  it('hides and shows a layer', () => {
    const hidden = viewReducer(initialViewState, { type: 'toggleLayer', layerId: 'lakeshore' });
    expect(hidden.hiddenLayerIds).toEqual(['lakeshore']);
    expect(viewReducer(hidden, { type: 'toggleLayer', layerId: 'lakeshore' }).hiddenLayerIds).toEqual([]);
  });

  it('clears every filter at once but keeps the layers and the selection', () => {
    let state = viewReducer(initialViewState, { type: 'toggleStatus', layerId: 'roads', statusId: 'open' });
    state = viewReducer(state, { type: 'toggleStreet', street: '海埂街道' });
    state = viewReducer(state, { type: 'toggleLayer', layerId: 'roads' });
    state = viewReducer(state, { type: 'select', feature: { layerId: 'roads', featureId: 'RD-01' } });
    state = viewReducer(state, { type: 'setLateOnly', lateOnly: true });
    expect(state.lateOnly).toBe(true);
    const cleared = viewReducer(state, { type: 'clearAllFilters' });
    expect(cleared.lateOnly).toBe(false);
    expect(cleared.statusFilters).toEqual({});
    expect(cleared.streets).toEqual([]);
    expect(cleared.hiddenLayerIds).toEqual(['roads']);
    expect(cleared.selected).toEqual({ layerId: 'roads', featureId: 'RD-01' });
  });

  it('never mutates the previous state', () => {
    const before = structuredClone(initialViewState);
    viewReducer(initialViewState, { type: 'toggleStatus', layerId: 'roads', statusId: 'open' });
    expect(initialViewState).toEqual(before);
  });
});

describe('tour scenes', () => {
  const allLayerIds = ['urban-villages', 'roads', 'lakeshore'];
  it('shows exactly what a scene prescribes, replacing the previous filters', () => {
    let state = viewReducer(initialViewState, { type: 'toggleStreet', street: '海埂街道' });
    state = viewReducer(state, { type: 'select', feature: { layerId: 'roads', featureId: 'RD-01' } });
    const shown = viewReducer(state, {
      type: 'showScene', index: 2, allLayerIds,
      scene: { id: 'uv', title: { zh: '', en: '' }, caption: { zh: '', en: '' }, layers: ['urban-villages'],
        filters: { 'urban-villages': ['demolished'] }, asOfDate: '2025-01-31' },
    });
    expect(shown).toMatchObject({
      mode: 'present', tourScene: 2, hiddenLayerIds: ['roads', 'lakeshore'],
      statusFilters: { 'urban-villages': ['demolished'] }, streets: [], asOfDate: '2025-01-31', selected: null,
    });
  });

  it('shows only late projects when a scene asks for it, and not in the next scene', () => {
    const scene = { id: 'late', title: { zh: '', en: '' }, caption: { zh: '', en: '' } };
    const late = viewReducer(initialViewState, { type: 'showScene', index: 0, allLayerIds, scene: { ...scene, warnings: 'late-only' } });
    expect(late.lateOnly).toBe(true);
    expect(viewReducer(late, { type: 'showScene', index: 1, allLayerIds, scene: { ...scene, warnings: 'list' } }).lateOnly).toBe(false);
  });

  it('leaves the tour without touching what is shown', () => {
    const inTour = { ...initialViewState, mode: 'present' as const, tourScene: 4, kiosk: true, hiddenLayerIds: ['roads'] };
    expect(viewReducer(inTour, { type: 'leaveTour' })).toMatchObject({ mode: 'present', tourScene: null, kiosk: false, hiddenLayerIds: ['roads'] });
  });
});
