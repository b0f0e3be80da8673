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
    const cleared = viewReducer(state, { type: 'clearAllFilters' });
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
