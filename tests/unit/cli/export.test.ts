/** Runs the real `npm run export` command (tsx src/cli/export.ts) on the fixture geodata. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/parseCsv';
import { MINI_GEODATA_DIR, loadMiniGeodata } from '../../support/planLayers';
import { runCli } from '../../support/runCli';
import { exportLayer } from '../../../src/domain/export/exportLayer';
import { parseExportArguments } from '../../../src/cli/exportArguments';

const runExport = (args: string[]) => runCli('export.ts', [...args, '--dir', MINI_GEODATA_DIR]);
const outDirectory = mkdtempSync(join(tmpdir(), 'plan-map-export-'));
afterAll(() => rmSync(outDirectory, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes the filtered features as a CSV file, the same bytes the app writes', async () => {
    const out = join(outDirectory, 'demolished.csv');
    const run = await runExport(['urban-villages', '--format', 'csv', '--status', 'demolished', '--street', '东街道,西街道', '--as-of', '2025-12-31', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('已导出 2 个项目');
    const text = readFileSync(out, 'utf8');
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows.map((row) => row[header.indexOf('id')])).toEqual(['uv-001', 'uv-002']);

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
