/** Runs the real `npm run export` command (tsx src/cli/export.ts) on the fixture geodata. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/parseCsv';
import { MINI_GEODATA_DIR, loadMiniGeodata } from '../../support/planLayers';
import { projectRoot, runCli } from '../../support/runCli';
import { statusAsOf } from '../../../src/domain/progress/statusAsOf';
import type { PlanFeatureProperties } from '../../../src/domain/plan/planFeature';
import { exportLayer } from '../../../src/domain/export/exportLayer';
import { parseExportArguments } from '../../../src/cli/exportArguments';

const runExport = (args: string[]) => runCli('export.ts', [...args, '--dir', MINI_GEODATA_DIR]);
const outDirectory = mkdtempSync(join(tmpdir(), 'plan-map-export-'));
afterAll(() => rmSync(outDirectory, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes the filtered features as a CSV with the layer\'s Chinese labels by default, the same bytes the app writes', async () => {
    const out = join(outDirectory, 'demolished.csv');
    const run = await runExport(['urban-villages', '--format', 'csv', '--status', 'demolished', '--street', '东街道,西街道', '--as-of', '2025-12-31', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('已导出 2 个项目');
    const text = readFileSync(out, 'utf8');
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header.slice(0, 2)).toEqual(['编号', '名称']);
    expect(rows.map((row) => row[header.indexOf('编号')])).toEqual(['uv-001', 'uv-002']);
    expect(rows.map((row) => row[header.indexOf('状态')])).toEqual(['已拆除', '已拆除']);

    const { layers } = await loadMiniGeodata();
    const layer = layers.find((candidate) => candidate.definition.id === 'urban-villages');
    if (!layer) throw new Error('the fixture has urban villages');
    const inApp = exportLayer(layer, {
      format: 'csv',
      scope: { kind: 'filtered', filter: { statuses: ['demolished'], streets: ['东街道', '西街道'] }, asOfDate: '2025-12-31' },
      locale: 'zh',
      date: '2025-12-31',
      statusAsOfDate: '2025-12-31',
    });
    expect(inApp.ok && inApp.file.text).toBe(text);
  });

  it('writes codes for scripts with --labels codes, and English labels with --labels en', async () => {
    const codes = await runExport(['urban-villages', '--format', 'csv', '--status', 'demolished', '--labels', 'codes']);
    expect(codes.code).toBe(0);
    const [codeHeader = [], ...codeRows] = parseCsv(codes.stdout.replace(/^\uFEFF/, ''));
    expect(codeHeader.slice(0, 2)).toEqual(['id', 'name']);
    expect(new Set(codeRows.map((row) => row[codeHeader.indexOf('status')]))).toEqual(new Set(['demolished']));
    const english = await runExport(['urban-villages', '--format', 'csv', '--labels', 'en']);
    const [englishHeader = []] = parseCsv(english.stdout.replace(/^\uFEFF/, ''));
    expect(englishHeader.slice(0, 2)).toEqual(['ID', 'Name']);
    expect(parseExportArguments(['roads', '--labels', 'codes']).ok).toBe(false);
    expect(parseExportArguments(['roads', '--format', 'csv', '--labels', 'fr']).ok).toBe(false);
  });

  it('gives GeoJSON for a past day each project\'s status on that day, and the file still validates as the layer', async () => {
    const asOfDate = '2024-06-30';
    const { features: source } = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'urban-villages.geojson'), 'utf8')) as { features: { id: string; properties: PlanFeatureProperties }[] };
    const statusOnDay = new Map(source.map((feature) => [feature.id, statusAsOf(feature.properties, asOfDate)]));
    for (const crs of ['wgs84', 'gk']) {
      const out = join(outDirectory, `urban-villages-${crs}.geojson`);
      const run = await runCli('export.ts', ['urban-villages', '--crs', crs, '--as-of', asOfDate, '--out', out]);
      expect(run.code).toBe(0);
      const { features } = JSON.parse(readFileSync(out, 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] };
      expect(features.length).toBeGreaterThan(0);
      for (const feature of features) {
        expect(feature.properties.status_as_of).toBe(statusOnDay.get(feature.id));
        expect(feature.properties.status_as_of_date).toBe(asOfDate);
      }
      expect(features.some((feature) => feature.properties.status_as_of !== feature.properties.status)).toBe(true);
      const validation = await runCli('validate.ts', [out, '--layer', 'urban-villages']);
      expect({ crs, code: validation.code, stderr: validation.stderr }).toEqual({ crs, code: 0, stderr: '' });
    }
  }, 60_000);

  it('prints a layer in its Gauss-Krüger zone and names the EPSG code used', async () => {
    const run = await runExport(['roads', '--crs', 'gk']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('EPSG:4543');
    const collection = JSON.parse(run.stdout) as { crs: { properties: { name: string } }; features: unknown[] };
    expect(collection.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::4543');
    expect(collection.features).toHaveLength(3);
  });

  it('exits 2 with the usage on bad arguments or an unknown layer', async () => {
    const badFormat = await runExport(['roads', '--format', 'shp']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('用法 Usage');
    const unknown = await runExport(['no-such-layer']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no such layer');
  });
});

describe('export arguments', () => {
  it('maps --format and --crs to an export format and reads filters as lists', () => {
    const parsed = parseExportArguments(['roads', '--crs=gk-prefixed', '--status', 'open, building', '--lang', 'en']);
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ layerId: 'roads', format: 'gauss-kruger-prefixed', statuses: ['open', 'building'], locale: 'en', out: null }) });
    expect(parseExportArguments(['roads', '--format', 'csv', '--crs', 'gk']).ok).toBe(false);
    expect(parseExportArguments(['roads', '--as-of', '2025-13-01']).ok).toBe(false);
    expect(parseExportArguments([]).ok).toBe(false);
  });
});
