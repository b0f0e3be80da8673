import { describe, expect, it } from 'vitest';
import { sameDeckState } from '../../../src/map/sameDeckState';
import type { PlanDeckState } from '../../../src/map/planDeckLayers';
import { handMadeLayer, LIFECYCLE_LAYER } from '../../support/planLayers';

/** The app passes the manifest's and the loaded layers' arrays themselves: compared by identity. */
const definitions = [LIFECYCLE_LAYER];
const layers = [handMadeLayer([{ status: 'pending' }])];

function fullState(): Required<PlanDeckState> {
  return {
    definitions,
    layers,
    complete: true,
    visibleLayerIds: new Set(['test-layer']),
    filters: { 'test-layer': { statuses: ['pending'], streets: ['A'] } },
    selected: { layerId: 'test-layer', featureId: 'f-0' },
    highlighted: [{ layerId: 'test-layer', featureId: 'f-0' }],
    theme: 'light',
    asOfDate: '2026-11-26',
    compareAsOfDate: '2025-01-01',
    pointScale: 1,
    pointBox: [120, 30, 121, 31],
    tiled: { ids: new Set(['test-layer']), versions: { 'test-layer': 'v1' } },
  };
}

/** One change per field of the state: each must be seen, or the map would keep an old picture. */
const changes: { [Key in keyof Required<PlanDeckState>]: Required<PlanDeckState>[Key] } = {
  definitions: [{ ...LIFECYCLE_LAYER }],
  layers: [...layers],
  complete: false,
  visibleLayerIds: new Set(),
  filters: { 'test-layer': { statuses: ['pending'], streets: ['B'] } },
  selected: { layerId: 'test-layer', featureId: 'f-1' },
  highlighted: [],
  theme: 'dark',
  asOfDate: '2026-11-27',
  compareAsOfDate: '2025-01-02',
  pointScale: 2,
  pointBox: [120, 30, 121, 32],
  tiled: { ids: new Set(['test-layer']), versions: { 'test-layer': 'v2' } },
};

describe('whether two deck states draw the same map', () => {
  it('is the same for a state rebuilt with equal values (new sets, arrays and objects)', () => {
    expect(sameDeckState(fullState(), fullState())).toBe(true);
  });

  it('differs when a single field changes, whichever it is', () => {
    for (const key of Object.keys(changes) as (keyof PlanDeckState)[]) {
      expect(sameDeckState(fullState(), { ...fullState(), [key]: changes[key] }), key).toBe(false);
    }
    expect(Object.keys(changes).sort()).toEqual(Object.keys(fullState()).sort());
  });

  it('differs when a filter is removed or an optional field is left out', () => {
    expect(sameDeckState(fullState(), { ...fullState(), filters: {} })).toBe(false);
    const { selected: _selected, ...unselected } = fullState();
    expect(sameDeckState(fullState(), unselected)).toBe(false);
    expect(sameDeckState(fullState(), { ...fullState(), tiled: { ids: new Set(), versions: { 'test-layer': 'v1' } } })).toBe(false);
  });
});

describe('the late-only feature list', () => {
  it('draws another map when the list of features a filter lets through changes', () => {
    const withList = (features: Uint8Array): PlanDeckState => ({ ...fullState(), filters: { roads: { statuses: [], streets: [], features } } });
    const list = Uint8Array.from([1, 0]);
    expect(sameDeckState(withList(list), withList(list))).toBe(true);
    expect(sameDeckState(withList(list), withList(Uint8Array.from([0, 1])))).toBe(false);
  });
});
