import { describe, expect, it } from 'vitest';
import { featurePassesFilter, filteredIndexes, filterPredicate } from '../../../src/domain/featureFilter';
import { handMadeLayer } from '../../support/planLayers';

const layer = handMadeLayer([
  { status: 'pending', street: '东街道' },
  { status: 'working', street: '西街道' },
  { status: 'done', street: '东街道' },
  { status: 'done' },
]);
const [pendingEast, workingWest, doneEast, doneNowhere] = layer.features;

describe('featurePassesFilter', () => {
  it('lets everything through without a filter or with empty lists', () => {
    for (const feature of layer.features) {
      expect(featurePassesFilter(feature, undefined)).toBe(true);
      expect(featurePassesFilter(feature, { statuses: [], streets: [] })).toBe(true);
    }
  });

  it('keeps features whose status is any of the chosen', () => {
    const filter = { statuses: ['pending', 'done'], streets: [] };
    expect(layer.features.map((feature) => featurePassesFilter(feature, filter))).toEqual([true, false, true, true]);
  });

  it('keeps features whose street is any of the chosen, and both conditions must hold', () => {
    expect(layer.features.map((feature) => featurePassesFilter(feature, { statuses: [], streets: ['东街道'] }))).toEqual([true, false, true, false]);
    expect(layer.features.map((feature) => featurePassesFilter(feature, { statuses: ['done'], streets: ['东街道'] }))).toEqual([false, false, true, false]);
  });

  it("lists features without a street under ''", () => {
    expect(doneNowhere && featurePassesFilter(doneNowhere, { statuses: [], streets: [''] })).toBe(true);
  });

  it('judges by the status given (e.g. as of a date), and drops features that did not exist yet', () => {
    const filter = { statuses: ['pending'], streets: [] };
    expect(doneEast && featurePassesFilter(doneEast, filter, 'pending')).toBe(true);
    expect(pendingEast && featurePassesFilter(pendingEast, undefined, null)).toBe(false);
    expect(workingWest && featurePassesFilter(workingWest, filter)).toBe(false);
  });
});

describe('filteredIndexes', () => {
  it('returns the ascending indexes that pass', () => {
    expect([...filteredIndexes(layer, { statuses: ['done'], streets: [] })]).toEqual([2, 3]);
    expect([...filteredIndexes(layer, undefined)]).toEqual([0, 1, 2, 3]);
    expect(filteredIndexes(layer, undefined)).toBeInstanceOf(Uint32Array);
  });

  it('uses a status resolver when given one', () => {
    const everythingPending = () => 'pending';
    expect([...filteredIndexes(layer, { statuses: ['pending'], streets: [] }, everythingPending)]).toEqual([0, 1, 2, 3]);
    expect(filterPredicate(layer, undefined, () => null)(0)).toBe(false);
  });
});
