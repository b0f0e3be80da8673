import { describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../../../src/domain/format/formatLocalDateTime';

describe('formatLocalDateTime', () => {
  it('shows a UTC instant on the wall clock of the time zone', () => {
    expect(formatLocalDateTime('2026-06-15T16:04:05.123Z', 'Asia/Shanghai')).toBe('2026-06-16 00:04:05');
    expect(formatLocalDateTime('2026-06-15T16:04:05Z', 'UTC')).toBe('2026-06-15 16:04:05');
    expect(formatLocalDateTime('2026-01-02T03:04:05+08:00', 'Asia/Shanghai')).toBe('2026-01-02 03:04:05');
  });

  it('keeps midnight as 00, not 24', () => {
    expect(formatLocalDateTime('2026-03-01T00:00:00Z', 'UTC')).toBe('2026-03-01 00:00:00');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatLocalDateTime('yesterday')).toBe('yesterday');
  });
});
