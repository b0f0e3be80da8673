import { describe, expect, it } from 'vitest';
import { parseDistrictArguments } from '../../../src/cli/districtArguments';

const INIT = ['init', '--boundary', 'b.json', '--name', '青山区', '--out', 'out'];

describe('district command arguments', () => {
  it('reads init with every option, in either spelling', () => {
    const parsed = parseDistrictArguments([...INIT, '--from=gcj02', '--crs', 'EPSG:4545', '--streets', 's.zip', '--street-field', 'JDMC', '--name-en', 'Qingshan District', '--plan-start', '2026-01-01', '--plan-end=2030-12-31', '--basemap', 'a.pmtiles']);
    expect(parsed).toEqual({
      ok: true, help: false, command: 'init',
      value: { boundary: 'b.json', from: 'gcj02', crs: 'EPSG:4545', name: '青山区', out: 'out', streets: 's.zip', streetField: 'JDMC', nameEn: 'Qingshan District', planStart: '2026-01-01', planEnd: '2030-12-31', basemap: 'a.pmtiles' },
    });
  });

  it('reads a datum-shift profile by name in a file, or as a file', () => {
    expect(parseDistrictArguments([...INIT, '--datum-shift', '西安80', '--datum-shifts', 'shifts.json'])).toMatchObject({ ok: true, value: { datumShift: '西安80', datumShifts: 'shifts.json' } });
    expect(parseDistrictArguments(['bounds', '--boundary', 'b.json', '--datum-shift', 'profile.json'])).toMatchObject({ ok: true, command: 'bounds', value: { datumShift: 'profile.json' } });
  });

  it('names each mistake in Chinese and English', () => {
    const cases: [string[], string][] = [
      [['init', '--name', 'x', '--out', 'o'], '--boundary'],
      [['init', '--boundary', 'b', '--out', 'o'], '--name'],
      [['init', '--boundary', 'b', '--name', 'x'], '--out'],
      [[...INIT, '--from', 'wgs84'], '--from'],
      [[...INIT, '--streets', 's.zip'], '--street-field'],
      [[...INIT, '--plan-start', '2026-13-01', '--plan-end', '2030-12-31'], '--plan-start'],
      [[...INIT, '--plan-start', '2030-01-01', '--plan-end', '2026-12-31'], '2030-01-01'],
      [[...INIT, '--plan-start', '2026-01-01'], '--plan-end'],
      [[...INIT, '--datum-shifts', 'shifts.json'], '--datum-shifts'],
      [[...INIT, '--colour', 'red'], '--colour'],
      [[...INIT, '--name', 'again'], '--name'],
      [['init', '--boundary'], '--boundary'],
      [['create'], 'create'],
    ];
    for (const [argv, named] of cases) {
      const parsed = parseDistrictArguments(argv);
      if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
      expect(parsed.message.zh, argv.join(' ')).toContain(named);
      expect(parsed.message.en, argv.join(' ')).toContain(named);
      expect(parsed.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reads bounds with the boundary and its coordinate system only', () => {
    expect(parseDistrictArguments(['bounds', '--boundary', 'b.zip', '--crs', 'EPSG:4543'])).toEqual({ ok: true, help: false, command: 'bounds', value: { boundary: 'b.zip', crs: 'EPSG:4543' } });
    expect(parseDistrictArguments(['bounds', '--boundary', 'b.zip', '--out', 'o']).ok).toBe(false);
    expect(parseDistrictArguments([])).toEqual({ ok: true, help: true });
  });
});
