import { describe, expect, it } from 'vitest';
import { parseStatsArguments } from '../../../src/cli/statsArguments';

describe('parseStatsArguments', () => {
  it('defaults to a table of geodata/ as of today', () => {
    expect(parseStatsArguments([])).toEqual({ ok: true, value: { json: false, help: false, path: 'geodata', asOfDate: null, sourceLayer: null, crs: null, datumShift: null } });
  });

  it('reads --json, a path and --as-of in either spelling and any order', () => {
    const expected = { ok: true, value: { json: true, help: false, path: 'data/x.geojson', asOfDate: '2026-03-31', sourceLayer: null, crs: null, datumShift: null } };
    expect(parseStatsArguments(['--json', 'data/x.geojson', '--as-of', '2026-03-31'])).toEqual(expected);
    expect(parseStatsArguments(['--as-of=2026-03-31', 'data/x.geojson', '--json'])).toEqual(expected);
  });

  it.each([
    [['--as-of'], '--as-of needs a date YYYY-MM-DD, got nothing'],
    [['--as-of', '2026-02-30'], '--as-of needs a date YYYY-MM-DD, got "2026-02-30"'],
    [['--verbose'], 'unknown option --verbose'],
    [['a', 'b'], 'only one path is allowed, got "a" and "b"'],
  ])('refuses %j', (argv, message) => {
    expect(parseStatsArguments(argv)).toEqual({ ok: false, message });
  });
});
