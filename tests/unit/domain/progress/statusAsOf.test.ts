import { describe, expect, it } from 'vitest';
import { statusAsOf, statusDate, statusResolverAsOf } from '../../../../src/domain/progress/statusAsOf';
import { handMadeLayer } from '../../../support/planLayers';

const history = [
  { date: '2024-03-01', status: 'pending' },
  { date: '2024-09-15', status: 'working' },
  { date: '2025-02-01', status: 'done' },
];
const properties = { status: 'done', history };

describe('statusAsOf', () => {
  it('is null before the first history entry', () => {
    expect(statusAsOf(properties, '2024-02-29')).toBeNull();
  });

  it('applies an entry from its own date on', () => {
    expect(statusAsOf(properties, '2024-03-01')).toBe('pending');
    expect(statusAsOf(properties, '2024-09-14')).toBe('pending');
    expect(statusAsOf(properties, '2024-09-15')).toBe('working');
    expect(statusAsOf(properties, '2025-01-31')).toBe('working');
  });

  it('keeps the last status after the last entry', () => {
    expect(statusAsOf(properties, '2025-02-01')).toBe('done');
    expect(statusAsOf(properties, '2030-01-01')).toBe('done');
  });

  it('takes the later of two entries on the same day', () => {
    const sameDay = { status: 'working', history: [{ date: '2024-05-01', status: 'pending' }, { date: '2024-05-01', status: 'working' }] };
    expect(statusAsOf(sameDay, '2024-05-01')).toBe('working');
  });

  it('compares calendar days when a timestamp is given', () => {
    expect(statusAsOf(properties, '2024-09-15T00:00:00Z')).toBe('working');
  });

  it('treats a feature without history as always having its current status', () => {
    expect(statusAsOf({ status: 'working', history: [] }, '2000-01-01')).toBe('working');
  });
});

describe('statusDate', () => {
  it('is the date of the last history entry', () => {
    expect(statusDate(properties)).toBe('2025-02-01');
    expect(statusDate({ status: 'pending', history: [] })).toBeNull();
  });
});

describe('statusResolverAsOf', () => {
  it('resolves every feature of a layer once, by index', () => {
    const layer = handMadeLayer([
      { status: 'done', history },
      { status: 'pending', history: [{ date: '2025-06-01', status: 'pending' }] },
    ]);
    const statusOf = statusResolverAsOf(layer.features, '2025-01-01');
    expect([statusOf(0), statusOf(1), statusOf(2)]).toEqual(['working', null, null]);
  });
});
