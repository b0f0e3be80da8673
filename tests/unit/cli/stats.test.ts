/** Runs the real `npm run stats` command (tsx src/cli/stats.ts) on fixture files and directories. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DistrictJson, MeasureJson } from '../../../src/cli/statsJson';
import { referenceArea, referenceLength, relativeError } from '../../support/geodesicReference';
import { MINI_GEODATA_DIR } from '../../support/planLayers';
import { projectRoot, runCli, type CliRun } from '../../support/runCli';

const root = projectRoot;
const fixtures = join(root, 'tests', 'fixtures');
const runStats = (args: string[], cwd = root): Promise<CliRun> => runCli('stats.ts', args, cwd);

const readCollection = (path: string): FeatureCollection => JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;

const sumOver = (collection: FeatureCollection, measure: (geometry: FeatureCollection['features'][number]['geometry']) => number): number =>
  collection.features.reduce((total, feature) => total + measure(feature.geometry), 0);

describe('npm run stats -- --json <directory>', () => {
  it('prints every layer with areas and lengths that agree with GeographicLib', async () => {
    const run = await runStats(['--json', MINI_GEODATA_DIR, '--as-of', '2025-12-31']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as DistrictJson;
    expect(report.layers.map((layer) => [layer.id, layer.features])).toEqual([
      ['urban-villages', 6],
      ['roads', 3],
      ['idle-land', 3],
    ]);
    for (const layer of report.layers) {
      const collection = readCollection(join(MINI_GEODATA_DIR, `${layer.id}.geojson`));
      const expectedArea = sumOver(collection, referenceArea);
      const expectedLength = sumOver(collection, referenceLength);
      if (expectedArea > 0) expect(relativeError(layer.area_m2, expectedArea)).toBeLessThan(1e-6);
      else expect(layer.area_m2).toBe(0);
      if (expectedLength > 0) expect(relativeError(layer.length_m, expectedLength)).toBeLessThan(1e-6);
      else expect(layer.length_m).toBe(0);
      const statuses = Object.values(layer.byStatus);
      expect(statuses.reduce((sum, entry) => sum + entry.features, 0)).toBe(layer.features);
      expect(statuses.reduce((sum, entry) => sum + entry.area_m2, 0)).toBeCloseTo(layer.area_m2, 6);
    }
  });

  it('lists every lifecycle status and each target with its progress', async () => {
    const report = JSON.parse((await runStats(['--json', MINI_GEODATA_DIR, '--as-of', '2025-12-31'])).stdout) as DistrictJson;
    const villages = report.layers[0];
    expect(Object.keys(villages?.byStatus ?? {})).toEqual(['pending', 'expropriating', 'demolishing', 'demolished', 'renovating', 'renovated']);
    expect(villages?.targets[0]).toEqual({ id: 'uv-demolish', metric: 'count', target: 4, actual: 2, percent: 50, behind_pace: false });
    const area = villages?.targets[1];
    expect(area?.actual).toBeCloseTo(((villages?.byStatus.demolished?.area_m2 ?? 0) / 10_000), 12);
  });

  it('counts statuses as of --as-of', async () => {
    const report = JSON.parse((await runStats(['--json', '--as-of', '2025-06-30', MINI_GEODATA_DIR])).stdout) as DistrictJson;
    expect(report.layers[0]?.features).toBe(5);
    expect(report.layers[0]?.byStatus.demolished?.features).toBe(1);
  });

  it('reads ./geodata when no path is given', async () => {
    const workDirectory = mkdtempSync(join(tmpdir(), 'plan-map-stats-'));
    try {
      cpSync(MINI_GEODATA_DIR, join(workDirectory, 'geodata'), { recursive: true });
      const run = await runStats(['--json'], workDirectory);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as DistrictJson).layers).toHaveLength(3);
    } finally {
      rmSync(workDirectory, { recursive: true, force: true });
    }
  });
});

describe('npm run stats -- --json <file.geojson>', () => {
  it('measures a single file of polygons', async () => {
    const path = join(fixtures, 'measure', 'polygons.geojson');
    const run = await runStats(['--json', path]);
    expect(run.code).toBe(0);
    const measure = JSON.parse(run.stdout) as MeasureJson;
    expect(measure.features).toBe(9);
    expect(relativeError(measure.area_m2, sumOver(readCollection(path), referenceArea))).toBeLessThan(1e-6);
    expect(measure.length_m).toBe(0);
  });

  it('measures a single file of lines', async () => {
    const path = join(fixtures, 'measure', 'lines.geojson');
    const measure = JSON.parse((await runStats(['--json', path])).stdout) as MeasureJson;
    expect(measure.area_m2).toBe(0);
    expect(relativeError(measure.length_m, sumOver(readCollection(path), referenceLength))).toBeLessThan(1e-6);
  });
});

describe('npm run stats (table)', () => {
  it('prints a Chinese table with per-status rows and target progress', async () => {
    const run = await runStats([MINI_GEODATA_DIR, '--as-of', '2025-12-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('测试区 规划统计 · 截至 2025-12-31');
    expect(run.stdout).toContain('城中村（urban-villages）');
    expect(run.stdout).toMatch(/已拆除 +2 +[\d,.]+ +[\d,.]+/);
    expect(run.stdout).toContain('目标「城中村拆除」 已完成 2 / 目标 4 (50%)');
    expect(run.stdout).toMatch(/长度（公里）/);
  });
});

describe('npm run stats on bad input', () => {
  it('exits 2 with a bilingual one-line message for a missing path', async () => {
    const run = await runStats(['--json', 'no/such/place.geojson']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('错误 Error: 找不到路径 / path not found: no/such/place.geojson\n');
  });

  it('exits 2 and names the file for invalid JSON', async () => {
    const run = await runStats(['--json', join(fixtures, 'parse', 'truncated.geojson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误 Error: 数据文件无法使用 \/ cannot use geodata: .*truncated\.geojson: not valid JSON/);
  });

  it('exits 2 and names the missing layer file of a directory', async () => {
    const run = await runStats([join(fixtures, 'geodata-missing-layer')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/idle-land\.geojson: file not found/);
  });

  it('exits 2 with usage for an unknown option', async () => {
    const run = await runStats(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option --frobnicate[\s\S]*用法 Usage:/);
  });
});

describe('npm run stats on files read through the validation engine', () => {
  const cases = join(fixtures, 'input-cases');

  it('measures a projected file with a crs member after reprojection, as its lon/lat twin', async () => {
    const projected = await runStats(['--json', join(cases, 'C2-known-area-epsg4543.geojson')]);
    expect(projected.code).toBe(0);
    expect(projected.stderr).toContain('measured after reprojecting from EPSG:4543 to lon/lat');
    const twin = await runStats(['--json', join(cases, 'C2-known-area-lonlat.geojson')]);
    const projectedArea = (JSON.parse(projected.stdout) as MeasureJson).area_m2;
    const twinArea = (JSON.parse(twin.stdout) as MeasureJson).area_m2;
    expect(Math.abs(projectedArea - twinArea) / twinArea).toBeLessThan(1e-4);
    // Not the 1 000 000 m² of the projected plane: the Gauss-Krüger scale is corrected.
    expect(Math.abs(projectedArea - 1e6) / 1e6).toBeGreaterThan(1e-4);
  });

  it('exits 2 listing the problems of a file it must not measure', async () => {
    const run = await runStats(['--json', join(cases, 'D3-bow-tie.geojson')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^错误 Error: 数据文件无法使用 \/ cannot use geodata: .*D3-bow-tie\.geojson: not valid GeoJSON/);
    expect(run.stderr).toContain('/features/1/geometry/coordinates/0/2 [SELF_INTERSECTION]');
  });

  it('refuses metres read as degrees', async () => {
    const run = await runStats(['--json', join(cases, 'C3-gk-without-crs.geojson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[COORDINATES_LOOK_PROJECTED]');
  });
});
