/** `validate` and `stats` on files that are not GeoJSON: the import engine reads them, as the import screen does. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeasureJson } from '../../../src/cli/statsJson';
import { referenceArea, relativeError } from '../../support/geodesicReference';
import { projectRoot, runCli } from '../../support/runCli';

const formats = join(projectRoot, 'tests', 'fixtures', 'formats');
const gpkg = join(formats, 'gpkg', 'several-tables.gpkg');
const dxf = join(formats, 'dxf', 'closed_polyline_with_bulge.dxf');
const scratch = mkdtempSync(join(tmpdir(), 'plan-map-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('validate and stats read every import format', () => {
  it('stats --json <file.gpkg> --source-layer parcels prints that table\'s figures, as GeographicLib measures its source', async () => {
    const run = await runCli('stats.ts', ['--json', gpkg, '--source-layer', 'parcels']);
    expect(run.code).toBe(0);
    const measured = JSON.parse(run.stdout) as MeasureJson;
    const source = JSON.parse(readFileSync(join(formats, 'gpkg', 'source', 'overlapping_polys.geojson'), 'utf8')) as FeatureCollection;
    expect(Object.keys(measured)).toEqual(['features', 'area_m2', 'length_m']);
    expect(measured.features).toBe(7);
    expect(relativeError(measured.area_m2, source.features.reduce((sum, feature) => sum + referenceArea(feature.geometry), 0))).toBeLessThan(1e-6);
  });

  it('stats without --source-layer on a GeoPackage of several tables exits 2 naming them', async () => {
    const run = await runCli('stats.ts', ['--json', gpkg]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('choose one with --source-layer: parcels, survey_gk40');
  });

  it('validate refuses a DXF\'s metre coordinates without --crs, naming the zone, and accepts them with it', async () => {
    const without = await runCli('validate.ts', [dxf]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('[COORDINATES_LOOK_PROJECTED]');
    expect(without.stdout).toContain('--crs EPSG:4528');
    expect(without.stdout).toContain('[DXF_NO_CRS]');
    const withCrs = await runCli('validate.ts', [dxf, '--crs', 'EPSG:4528']);
    expect(withCrs.code).toBe(0);
    expect(withCrs.stdout).toContain('reprojected from EPSG:4528');
  });

  it('validate reads a .shp with the sidecars beside it', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(projectRoot, 'tests', 'fixtures', 'import', 'gk4543-gbk-cpg936.zip'))));
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(scratch, basename(name)), bytes);
    const shp = Object.keys(files).map((name) => basename(name)).find((name) => name.endsWith('.shp')) ?? '';
    const run = await runCli('validate.ts', ['--json', join(scratch, shp)]);
    const report = JSON.parse(run.stdout) as { files: { reprojection?: { from: string }; features?: number }[] };
    expect(report.files[0]?.reprojection?.from).toBe('EPSG:4543');
    expect(report.files[0]?.features).toBeGreaterThan(0);
  });
});
