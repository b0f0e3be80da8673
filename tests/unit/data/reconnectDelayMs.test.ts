import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../../src/data/reconnectDelayMs';

const backoff = { initialMs: 1000, maxMs: 60_000 };

describe('reconnectDelayMs', () => {
  it('doubles the wait with each failed attempt, between half and all of the bound', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, backoff, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, backoff, () => 0))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(reconnectDelayMs(6, backoff, () => 1)).toBe(60_000);
    expect(reconnectDelayMs(10_000, backoff, () => 1)).toBe(60_000);
    expect(reconnectDelayMs(10_000, backoff, () => 0)).toBe(30_000);
  });
});
