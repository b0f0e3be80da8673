/** Runs the real `npm run validate` (tsx src/cli/validate.ts) on fixture files and directories. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/domain/plan/manifest';
import type { ValidationIssue } from '../../../src/domain/validation/validationReport';
import { projectRoot, runCli, type CliRun } from '../../support/runCli';

const cases = join(projectRoot, 'tests', 'fixtures', 'input-cases');
const datavFixture = join(projectRoot, 'tests', 'fixtures', 'import', 'datav-530112.json');
const validate = (args: string[]): Promise<CliRun> => runCli('validate.ts', args);

interface ValidateJson {
  valid: boolean;
  files: { file: string; layer?: string; valid: boolean; features?: number; problems: ValidationIssue[]; warnings: ValidationIssue[]; reprojection?: { from: string; to: string }; hint?: { from: string; message: { zh: string; en: string } } }[];
}

const temporary: string[] = [];
afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

describe.concurrent('npm run validate', () => {
  it('exits 0 for the bundled geodata directory, checking every layer with its schema', async () => {
    const run = await validate(['--json', join(projectRoot, 'geodata')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.valid).toBe(true);
    const layerIds = (JSON.parse(readFileSync(join(projectRoot, 'geodata', 'layers.json'), 'utf8')) as Manifest).layers.map((layer) => layer.id);
    expect(report.files.map((file) => file.file)).toEqual(['layers.json', ...layerIds.map((id) => `${id}.geojson`)]);
  });

  it('exits 0 with warnings for a valid file that had to be rewound', async () => {
    const run = await validate([join(cases, 'D9-clockwise-exterior.geojson')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('警告 warning  D9-clockwise-exterior.geojson  /features/0/geometry  [WINDING_REWOUND]');
    expect(run.stdout).toContain('✓ D9-clockwise-exterior.geojson: 有效 / valid, 1 个要素 features, 1 个警告 warnings');
  });

  it('exits 1 and prints one bilingual line per problem with feature, path, code and location', async () => {
    const run = await validate([join(cases, 'D3-bow-tie.geojson')]);
    expect(run.code).toBe(1);
    const [line] = run.stdout.split('\n');
    expect(line).toBe(
      '错误 problem  D3-bow-tie.geojson  /features/1/geometry/coordinates/0/2  [SELF_INTERSECTION]  要素 2（id “D3”，“领结”）：环在 [102.702500, 25.002500] 处自相交（边交叉或自接触），请改正该处的顶点 / feature 2 (id "D3", "领结"): the ring intersects itself at [102.702500, 25.002500] (crossing or self-touching edges); fix the vertices there @ [102.7025, 25.0025]',
    );
  });

  it('gives the report as JSON with --json', async () => {
    const run = await validate(['--json', join(cases, 'B5-duplicate-ids.geojson')]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.valid).toBe(false);
    expect(report.files[0]?.problems).toEqual([
      {
        featureIndex: 1,
        featureId: 'UV-A',
        featureName: '另一块',
        path: '/features/1/id',
        code: 'DUPLICATE_ID',
        message: {
          zh: '要素 2（id “UV-A”，“另一块”）：id “UV-A” 与要素 1 重复；每个要素须有唯一的 id',
          en: 'feature 2 (id "UV-A", "另一块"): id "UV-A" is already used by feature 1; every feature needs its own id',
        },
      },
    ]);
  });

  it('checks attributes only with --layer', async () => {
    const path = join(cases, 'G7-hostile-values.geojson');
    const without = JSON.parse((await validate(['--json', path])).stdout) as ValidateJson;
    expect(without.files[0]?.problems.some((problem) => problem.code.startsWith('ATTRIBUTE_'))).toBe(false);
    const run = await validate(['--json', '--layer', 'urban-villages', path]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.files[0]?.layer).toBe('urban-villages');
    expect(report.files[0]?.problems.map((problem) => problem.code)).toContain('ATTRIBUTE_ENUM');
  });

  it('reprojects a projected file and says so', async () => {
    const run = await validate([join(cases, 'C2-crs-urn-epsg4543.geojson')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[REPROJECTED]  坐标已从 CGCS2000 3 度带高斯-克吕格，中央经线 102°E（EPSG:4543）转换为 WGS 84 经纬度（EPSG:4326）');
    expect(run.stdout).toContain('已从 EPSG:4543 转换 / reprojected from EPSG:4543');
  });

  it('refuses projected coordinates without a CRS, and accepts them with --crs', async () => {
    const path = join(cases, 'C3-gk-without-crs.geojson');
    const refused = await validate([path]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('[COORDINATES_LOOK_PROJECTED]');
    expect(refused.stdout).toContain('(EPSG:4543)');
    const declared = await validate(['--json', '--crs', 'EPSG:4543', path]);
    expect(declared.code).toBe(0);
    expect((JSON.parse(declared.stdout) as ValidateJson).files[0]?.reprojection).toEqual({ from: 'EPSG:4543', to: 'EPSG:4326' });
  });

  it('converts GCJ-02 with --from gcj02', async () => {
    const run = await validate(['--json', '--from', 'gcj02', join(cases, 'C5-gcj02.geojson')]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ValidateJson).files[0]?.reprojection?.from).toBe('GCJ-02');
  });

  it('exits 1 for a directory with one broken layer file, naming that file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'plan-map-validate-'));
    temporary.push(directory);
    cpSync(join(projectRoot, 'geodata'), directory, { recursive: true });
    const roads = join(directory, 'roads.geojson');
    writeFileSync(roads, readFileSync(roads, 'utf8').replace('"type":"LineString"', '"type":"linestring"'));
    const run = await validate(['--json', directory]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    expect(report.files.filter((file) => !file.valid).map((file) => [file.file, file.problems[0]?.code])).toEqual([['roads.geojson', 'UNKNOWN_TYPE']]);
  });

  it('exits 2 when the input cannot be read or the arguments are wrong', async () => {
    const missing = await validate(['no/such/file.geojson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.geojson: 找不到路径 / path not found');
    expect((await validate([join(projectRoot, 'tests')])).code).toBe(2);
    expect((await validate(['--layer', 'no-such-layer', join(cases, 'A3-bom.geojson')])).code).toBe(2);
    expect((await validate(['--from', 'wgs84', join(cases, 'A3-bom.geojson')])).stderr).toContain('--from takes gcj02 or bd09');
  });

  it('exits 1 for a district boundary meant for green space, naming the feature, the figure and what to check', async () => {
    // A DataV boundary with the plan fields filled in, as the field mapping would: only its figures are wrong.
    const datav = JSON.parse(readFileSync(datavFixture, 'utf8')) as { features: { id?: string; properties: Record<string, unknown> }[] };
    datav.features.forEach((feature) => {
      feature.id = 'GS-061';
      Object.assign(feature.properties, { status: 'planned', history: [{ date: '2026-11-30', status: 'planned' }], kind: 'park' });
    });
    const directory = mkdtempSync(join(tmpdir(), 'plan-map-validate-'));
    temporary.push(directory);
    const path = join(directory, 'boundary.geojson');
    writeFileSync(path, JSON.stringify(datav));
    const run = await validate(['--layer', 'green-space', '--from', 'gcj02', path]);
    expect(run.code).toBe(1);
    const problems = run.stdout.split('\n').filter((line) => line.startsWith('错误 problem'));
    expect(problems.map((line) => /\[([A-Z_]+)\]/.exec(line)?.[1])).toEqual(['LAYER_TOTAL_JUMP', 'LARGER_THAN_DISTRICT', 'MOSTLY_OUTSIDE_DISTRICT']);
    expect(problems[1]).toMatch(/feature 1 \(id "GS-061", "西山区"\): covers 89,4\d\d\.\d\d ha, 8\.8× the district's 10,164\.4 ha: is it the district boundary, or in the wrong CRS or layer\?/);
    expect(problems[0]).toMatch(/from 280\.19 ha to 89,7\d\d\.\d\d ha \(\+89,4\d\d\.\d\d ha, \+31,9\d\d%\)/);
    expect(run.stdout).toContain('✗ boundary.geojson: 3 个问题 / problems');
  });

  it('hints that a DataV map file is in GCJ-02 when --from is not given', async () => {
    const run = await validate([datavFixture]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('提示 hint  datav-530112.json  文件带有 DataV/ECharts 行政区地图的字段（adcode、acroutes、parent），这类文件的坐标是高德 GCJ-02 坐标');
    expect(run.stdout).toContain('if so, add --from gcj02 to convert them');
    const json = JSON.parse((await validate(['--json', datavFixture])).stdout) as ValidateJson;
    expect(json.files[0]?.hint?.from).toBe('gcj02');
    const converted = await validate(['--from', 'gcj02', datavFixture]);
    expect(converted.stdout).not.toContain('提示 hint');
  });

  it('exits 1 (not 2) for a file that is read but is not GeoJSON', async () => {
    const run = await validate([join(cases, 'A3-gbk.geojson')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[ENCODING_NOT_UTF8]');
  });
});
