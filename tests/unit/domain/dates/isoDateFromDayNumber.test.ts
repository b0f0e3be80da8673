import { describe, expect, it } from 'vitest';
import { isoDateFromDayNumber } from '../../../../src/domain/dates/isoDateFromDayNumber';
import { utcDayNumber } from '../../../../src/domain/progress/targetProgress';

describe('timeline days', () => {
  it('turns a day number back into the same calendar date, leap days included', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2024-03-01', '2026-11-26', '2028-12-31']) {
      expect(isoDateFromDayNumber(utcDayNumber(date))).toBe(date);
    }
  });

  it('counts days between dates exactly', () => {
    expect(utcDayNumber('2025-01-01') - utcDayNumber('2024-01-01')).toBe(366);
  });
});
