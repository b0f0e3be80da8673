import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { areaSquareMeters } from '../../../src/domain/measure/areaSquareMeters';
import { projectRoot, runCli } from '../../support/runCli';
import { crsFixtureDirectory } from '../../support/crsFixtures';

// --crs and --datum-shift of `validate` and `stats` (docs/input-rules.md, C10–C12; README, "Coordinate systems").

const parcel = join(crsFixtureDirectory, 'xian1980-gk102-parcel.geojson');
const PROFILE = '西安80-测试七参数';

describe('validate and stats with --datum-shift', () => {
  it('validate refuses a Xi’an 1980 file without a profile and names what to give', async () => {
    const run = await runCli('validate.ts', [parcel]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[DATUM_SHIFT_UNKNOWN]');
    expect(run.stdout).toContain('--datum-shift <profile name>');
  });

  it('validate converts with the profile of the file’s folder, reports it and shows each control point’s residual', async () => {
    const run = await runCli('validate.ts', [parcel, '--datum-shift', PROFILE, '--json']);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { files: { reprojection: unknown }[]; datumShift: { profile: string; residuals: { ok: boolean; maxMeters: number; residuals: unknown[] } } };
    expect(output.files[0]?.reprojection).toEqual({ from: 'EPSG:2379', to: 'EPSG:4326', datumShift: PROFILE });
    expect(output.datumShift.profile).toBe(PROFILE);
    expect(output.datumShift.residuals.residuals).toHaveLength(4);
    expect(output.datumShift.residuals.maxMeters).toBeLessThan(0.001);
  });

  it('stats measures the converted parcel as its CGCS2000 original', async () => {
    const run = await runCli('stats.ts', ['--json', '--datum-shift', PROFILE, parcel]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`with the datum shift "${PROFILE}"`);
    const original = (JSON.parse(readFileSync(join(projectRoot, 'geodata', 'urban-villages.geojson'), 'utf8')) as { features: Feature[] }).features[0];
    const expected = areaSquareMeters({ type: 'Polygon', coordinates: [(original?.geometry as { coordinates: number[][][] }).coordinates[0] ?? []] });
    const measured = (JSON.parse(run.stdout) as { area_m2: number }).area_m2;
    // The fixture's plane coordinates are rounded to 0.1 mm.
    expect(Math.abs(measured / expected - 1)).toBeLessThan(1e-6);
  });

  it('stats takes --crs for a file and refuses an unknown profile by name', async () => {
    const nztm = await runCli('stats.ts', ['--json', '--crs', 'EPSG:2193', join(crsFixtureDirectory, 'nz-south-island.nztm.geojson')]);
    expect(nztm.code).toBe(0);
    expect((JSON.parse(nztm.stdout) as { area_m2: number }).area_m2).toBeGreaterThan(1e11);
    const unknown = await runCli('stats.ts', ['--json', '--datum-shift', 'nope', parcel]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no profile named "nope"');
  });
});
