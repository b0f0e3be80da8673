/**
 * Fixture pairs in tests/fixtures/schema: <case>.geojson (or <case>.json for a manifest) and
 * <case>.expected.json with the problems it must produce. After an intended change, rewrite the
 * expected files with UPDATE_EXPECTED=1 and review the diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src/domain/plan/manifest';
import { isCalendarDate } from '../../../../src/domain/dates/isCalendarDate';
import { type GeodataSchemas, createGeodataValidator, validateGeodata } from '../../../../src/domain/plan/schemaValidation';
import type { ValidationIssue } from '../../../../src/domain/validation/validationReport';
import { expectedJson } from '../../../support/expectedJson';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const fixtureDir = join(root, 'tests', 'fixtures', 'schema');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const readGeodata = (file: string): unknown => readJson(join(root, 'geodata', file));

const LAYER_IDS = (readGeodata('layers.json') as Manifest).layers.map((layer) => layer.id);
const schemas: GeodataSchemas = {
  planLayer: readGeodata('schema/plan-layer.schema.json'),
};
const manifest = readGeodata('layers.json');
const validator = createGeodataValidator(schemas);

interface ExpectedProblem {
  featureIndex?: number;
  featureId?: string;
  path: string;
  code: string;
}

/** What a fixture pins down: where and what, not the wording of the message. */
function essentials(problems: readonly ExpectedProblem[]): ExpectedProblem[] {
  return problems
    .map(({ featureIndex, featureId, path, code }) => ({
      ...(featureIndex === undefined ? {} : { featureIndex }),
      ...(featureId === undefined ? {} : { featureId }),
      path,
      code,
    }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code));
}

function expectMatchesFixture(expectedFile: string, actual: ValidationIssue[], extra: Record<string, unknown>): void {
  const found = essentials(actual);
  const expected = expectedJson(expectedFile, { ...extra, problems: found });
  expect(found).toEqual(essentials(expected.problems));
}

const fixtureFiles = readdirSync(fixtureDir).sort();
const layerCases = fixtureFiles.filter((file) => file.endsWith('.geojson')).map((file) => file.replace(/\.geojson$/, ''));
const manifestCases = fixtureFiles
  .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
  .map((file) => file.replace(/\.json$/, ''));

describe('layer files are checked against their layer schema and consistency rules', () => {
  it('has valid and invalid fixtures to check', () => {
    expect(layerCases.filter((name) => name.startsWith('valid-')).length).toBeGreaterThan(0);
    expect(layerCases.filter((name) => !name.startsWith('valid-')).length).toBeGreaterThan(0);
  });

  for (const name of layerCases) {
    it(name, () => {
      const expectedFile = join(fixtureDir, `${name}.expected.json`);
      const { layer } = readJson(expectedFile) as { layer: string };
      const problems = validator.validateLayer(layer, readJson(join(fixtureDir, `${name}.geojson`)), manifest);
      expectMatchesFixture(expectedFile, problems, { layer });
      if (name.startsWith('valid-')) expect(problems).toEqual([]);
      else expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        // Every problem in a feature names the feature both ways, so a reader can find it in the file or the app.
        expect(problem.featureIndex).toBeTypeOf('number');
        expect(problem.featureId).toBeTypeOf('string');
        expect(problem.path.startsWith(`/features/${String(problem.featureIndex)}/`)).toBe(true);
        expect(problem.file).toBe(`${layer}.geojson`);
        expect(problem.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(problem.message.en).toMatch(/[a-z]/);
        expect(problem.message.en).not.toMatch(/[\u4e00-\u9fff]/);
      }
    });
  }
});

describe('the manifest is checked against its schema and consistency rules', () => {
  for (const name of manifestCases) {
    it(name, () => {
      const problems = validator.validateManifest(readJson(join(fixtureDir, `${name}.json`)));
      expectMatchesFixture(join(fixtureDir, `${name}.expected.json`), problems, {});
      for (const problem of problems) expect(problem.file).toBe('layers.json');
    });
  }

  it('says in words what a point layer, a sum target and a share target lack or must not have', () => {
    const problems = validator.validateManifest(readJson(join(fixtureDir, 'bad-manifest.json')));
    const messageAt = (path: string) => problems.find((problem) => problem.path === path)?.message.en;
    const schools = `/layers/${(readJson(join(fixtureDir, 'bad-manifest.json')) as Manifest).layers.findIndex((layer) => layer.id === 'schools')}`;
    expect(messageAt(`${schools}/unit`)).toBe('a point layer is measured by its count and has no unit; remove unit');
    expect(messageAt(`${schools}/targets/0/property`)).toBe('a sum target needs the numeric property it adds up, e.g. "property": "investment"');
    expect(messageAt(`${schools}/targets/1/target`)).toBe('a share target is a percentage (0–100); 150 is more than 100');
    expect(messageAt(`${schools}/targets/1/property`)).toBe('property belongs to sum targets only; remove it from this share target');
    expect(messageAt(`${schools}/targets/2/metric`)).toBe('metric area_ha does not apply to a point layer');
    expect(problems.some((problem) => problem.path === '/layers'), 'no layer is required by id: a district has the layers its manifest lists').toBe(false);
  });
});

describe('validateGeodata', () => {
  const validLayer = readJson(join(fixtureDir, 'valid-lines.geojson'));

  it('reports missing and unknown layer files', () => {
    const problems = validateGeodata(manifest, { roads: validLayer, parks: validLayer }, schemas);
    const byFile = (code: string): (string | undefined)[] => problems.filter((problem) => problem.code === code).map((problem) => problem.file);
    expect(byFile('MISSING_FILE').sort()).toEqual(
      LAYER_IDS.filter((id) => id !== 'roads')
        .map((id) => `${id}.geojson`)
        .sort(),
    );
    expect(byFile('UNKNOWN_LAYER')).toEqual(['parks.geojson']);
    expect(problems.filter((problem) => problem.file === 'roads.geojson')).toEqual([]);
  });

  it('returns problems instead of throwing on input that is not geodata at all', () => {
    expect(() => validateGeodata(null, { roads: 'not json' }, schemas)).not.toThrow();
    const problems = validateGeodata(null, { roads: 'not json' }, schemas);
    expect(problems.some((problem) => problem.file === 'layers.json' && problem.path === '' && problem.code === 'TYPE')).toBe(true);
    expect(problems.some((problem) => problem.file === 'roads.geojson')).toBe(true);
  });

  it('returns a problem for a shared schema that cannot be compiled', () => {
    const broken: GeodataSchemas = { planLayer: { $id: 'plan-layer.schema.json', type: 'no-such-type' } };
    const problems = validateGeodata(manifest, { roads: validLayer }, broken);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'schema/plan-layer.schema.json', code: 'SCHEMA_INVALID' }));
  });

  it('derives each layer\'s schema from the manifest, so a new layer needs no schema file and an edited manifest applies at once', () => {
    const withSchools = structuredClone(manifest) as Manifest;
    withSchools.layers.push({
      id: 'kindergartens', name: { zh: '幼儿园', en: 'Kindergartens' }, geometry: 'point', color: '#0072B2',
      statuses: [{ id: 'planned', label: { zh: '规划', en: 'Planned' }, color: '#9ECAE1' }, { id: 'open', label: { zh: '已开学', en: 'Open' }, color: '#08519C' }],
      doneStatuses: ['open'],
      targets: [{ id: 'kindergarten-places', label: { zh: '新增学位', en: 'New places' }, metric: 'sum', property: 'seats', unit: { zh: '个', en: 'seats' }, target: 2000, deadline: '2028-08-31', countedStatuses: ['open'] }],
    });
    const school = (properties: Record<string, unknown>, geometry: unknown = { type: 'Point', coordinates: [102.7, 24.99] }) => ({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'SC-1', geometry, properties: { name: '第一小学', status: 'open', history: [{ date: '2025-09-01', status: 'open' }], ...properties } }],
    });
    expect(validateGeodata(withSchools, { ...Object.fromEntries(LAYER_IDS.map((id) => [id, readGeodata(`${id}.geojson`)])), kindergartens: school({ seats: 1200 }) }, schemas)).toEqual([]);
    const problems = validateGeodata(withSchools, { kindergartens: school({ seats: 'many', status: 'closed' }, { type: 'Polygon', coordinates: [] }) }, schemas)
      .filter((problem) => problem.file === 'kindergartens.geojson')
      .map((problem) => [problem.path, problem.code]);
    expect(problems).toEqual(expect.arrayContaining([
      ['/features/0/properties/seats', 'TYPE'],
      ['/features/0/properties/status', 'ENUM'],
      ['/features/0/geometry/type', 'ENUM'],
    ]));
    expect(problems.some(([, code]) => code === 'SCHEMA_MISSING')).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates and rejects impossible or loosely written ones', () => {
    expect(['2024-02-29', '2028-12-31', '2025-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2025-02-29', '2025-13-01', '2025-04-31', '2025-1-1', '2025/01/01', ''].some(isCalendarDate)).toBe(false);
  });
});
