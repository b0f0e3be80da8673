import { describe, expect, it } from 'vitest';
import { filteredIndexes, filterMask } from '../../../../src/domain/browse/featureFilter';
import { NO_STATUS } from '../../../../src/domain/progress/statusCodesAsOf';
import { handMadeLayer } from '../../../support/planLayers';

const layer = handMadeLayer([
  { status: 'pending', street: '东街道' },
  { status: 'working', street: '西街道' },
  { status: 'done', street: '东街道' },
  { status: 'done' },
]);
const codeOf = (statusId: string) => layer.columns.statusIds.indexOf(statusId);
const passing = (filter: Parameters<typeof filteredIndexes>[1], codes?: Uint16Array) => [...filterMask(layer, filter, codes ?? layer.columns.currentStatus)].map((pass) => pass === 1);

describe('the view filter over a layer', () => {
  it('lets everything through without a filter or with empty lists', () => {
    expect(passing(undefined)).toEqual([true, true, true, true]);
    expect(passing({ statuses: [], streets: [] })).toEqual([true, true, true, true]);
  });

  it('keeps features whose status is one of the chosen', () => {
    expect(passing({ statuses: ['pending', 'done'], streets: [] })).toEqual([true, false, true, true]);
  });

  it('keeps features whose street is one of the chosen, and both conditions must hold', () => {
    expect(passing({ statuses: [], streets: ['东街道'] })).toEqual([true, false, true, false]);
    expect(passing({ statuses: ['done'], streets: ['东街道'] })).toEqual([false, false, true, false]);
  });

  it("lists features without a street under ''", () => {
    expect(passing({ statuses: [], streets: [''] })).toEqual([false, false, false, true]);
  });

  it('judges by the statuses given (e.g. as of a date), and drops features that did not exist yet', () => {
    const asOfADay = Uint16Array.from([NO_STATUS, codeOf('working'), codeOf('pending'), codeOf('done')]);
    expect(passing({ statuses: ['pending'], streets: [] }, asOfADay)).toEqual([false, false, true, false]);
    expect(passing(undefined, asOfADay)).toEqual([false, true, true, true]);
  });
});

describe('filteredIndexes', () => {
  it('returns the ascending indexes that pass', () => {
    expect([...filteredIndexes(layer, { statuses: ['done'], streets: [] })]).toEqual([2, 3]);
    expect([...filteredIndexes(layer, undefined)]).toEqual([0, 1, 2, 3]);
    expect(filteredIndexes(layer, undefined)).toBeInstanceOf(Uint32Array);
  });

  it('uses the status codes when given them', () => {
    const everythingPending = new Uint16Array(4).fill(codeOf('pending'));
    expect([...filteredIndexes(layer, { statuses: ['pending'], streets: [] }, everythingPending)]).toEqual([0, 1, 2, 3]);
    expect([...filteredIndexes(layer, undefined, new Uint16Array(4).fill(NO_STATUS))]).toEqual([]);
  });
});
