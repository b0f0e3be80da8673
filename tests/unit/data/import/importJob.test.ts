/** The work of one import as the worker runs it: read once, check, map fields, check again. */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ImportJob, type ImportProgress } from '../../../../src/data/import/importJob';
import type { FieldMapping } from '../../../../src/domain/import/fieldMapping';
import { SURVEY_PARCELS } from '../../../fixtures/import/surveyParcels';
import { projectManifest, projectSchemas } from '../../../support/inputCases';
import { importFixture } from './importFixture';

const villages = projectManifest.layers.find((layer) => layer.id === 'urban-villages');
if (!villages) throw new Error('no urban-villages layer');
const existingIds = Array.from({ length: 30 }, (_, index) => `UV-${String(index + 1).padStart(3, '0')}`);
const loadProjectSchemas = async () => projectSchemas;
const request = { partIndex: 0, layer: villages, manifest: projectManifest, schemaBaseUrl: 'file:///geodata/schema/' };

async function readSurvey(job: ImportJob, progress: ImportProgress[] = []) {
  const read = await job.read('村庄测绘.zip', importFixture('gk4543-survey-gbk.zip'), (next) => progress.push(next));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message.en).join('; '));
  return read;
}

/** Each expected vertex has a stored one within `tolerance` degrees, and the counts agree. */
function matchesPositions(actual: readonly Position[], expected: readonly Position[], tolerance: number): boolean {
  return actual.length === expected.length && expected.every(([lon = 0, lat = 0]) => actual.some(([x = 0, y = 0]) => Math.abs(x - lon) <= tolerance && Math.abs(y - lat) <= tolerance));
}

describe('an import job over a projected shapefile with GBK attributes', () => {
  it('reads the file once, reports the reprojection, places every vertex within 1e-6 degrees and asks for a field mapping', async () => {
    const job = new ImportJob(loadProjectSchemas);
    const progress: ImportProgress[] = [];
    const read = await readSurvey(job, progress);
    expect(read.layers).toEqual([expect.objectContaining({ name: '村庄测绘', format: 'shapefile', encoding: 'gbk', crs: expect.objectContaining({ epsg: 'EPSG:4543' }) })]);
    expect(read.layers[0]).not.toHaveProperty('text');

    const checked = await job.check({ ...request, declaredCrs: 'EPSG:4543' }, (next) => progress.push(next));
    expect([...new Set(progress.map((entry) => entry.stage))]).toEqual(['reading-zip', 'parsing', 'structure', 'geometry']);
    expect(checked.report.problems).toEqual([]);
    expect(checked.report.reprojection).toEqual({ from: 'EPSG:4543', to: 'EPSG:4326' });
    expect(checked.needsMapping).toBe(true);
    expect(checked.columns.map((column) => column.name)).toEqual(['项目名称', 'BH', '状态', '街道', '实施方式', '户数', '批复日期']);
    expect(checked.sample).toMatchObject({ 项目名称: '东岗村', 状态: '已拆除' });
    const features = checked.all?.features ?? [];
    expect(features).toHaveLength(SURVEY_PARCELS.length);
    SURVEY_PARCELS.forEach((parcel, index) => {
      const geometry = features[index]?.geometry;
      if (geometry?.type !== 'Polygon') throw new Error(`feature ${index} is not a polygon`);
      expect(geometry.coordinates).toHaveLength(parcel.rings.length);
      parcel.rings.forEach((ring, ringIndex) => expect(matchesPositions(geometry.coordinates[ringIndex] ?? [], ring, 1e-6)).toBe(true));
    });
    // Reprojected coordinates keep 7 decimals (about 1 cm), as the RFC 7946 export does, so saved files stay clean.
    const coordinateText = JSON.stringify(features.map((feature) => feature.geometry));
    expect(coordinateText).not.toMatch(/\.\d{8,}/);
  });

  it('checks the mapped features against the layer schema, and a mapping that leaves a required attribute empty is named', async () => {
    const job = new ImportJob(loadProjectSchemas);
    await readSurvey(job);
    const fields: FieldMapping = {
      columns: { name: '项目名称', status: '状态', statusDate: '批复日期', street: '街道', plan: '实施方式', households: '户数' },
      statusValues: { 已拆除: 'demolished', 征收中: 'expropriating' },
      defaultStatus: 'demolishing',
      defaultStatusDate: '2025-06-30',
      defaultValues: {},
      keepOtherColumns: false,
    };
    const incomplete = await job.check({ ...request, declaredCrs: 'EPSG:4543', mapping: { fields, existingIds } }, () => undefined);
    expect(incomplete.report.problems.map((problem) => [problem.featureIndex, problem.featureId, problem.code])).toEqual([[2, 'UV-033', 'ATTRIBUTE_REQUIRED']]);
    expect(incomplete.report.reprojection?.from).toBe('EPSG:4543');
    expect(incomplete.validOnly?.collection.features.map((feature) => feature.id)).toEqual(['UV-031', 'UV-032']);

    const complete = await job.check({ ...request, declaredCrs: 'EPSG:4543', mapping: { fields: { ...fields, defaultValues: { plan: 'demolish' } }, existingIds } }, () => undefined);
    expect(complete.report.problems).toEqual([]);
    expect(complete.mapped).toEqual({ generatedIdCount: 3, defaultStatusCount: 1 });
    expect(complete.all?.features.map((feature) => [feature.id, feature.properties.name, feature.properties.status, feature.properties.history])).toEqual([
      ['UV-031', '东岗村', 'demolished', [{ date: '2025-03-01', status: 'demolished' }]],
      ['UV-032', '西岗村（二期）', 'expropriating', [{ date: '2025-06-30', status: 'expropriating' }]],
      ['UV-033', '南湾村', 'demolishing', [{ date: '2024-06-15', status: 'demolishing' }]],
    ]);
  });

  it('checks the attributes of a file that already has plan fields, and leaves them to the server when the schemas cannot be read', async () => {
    const layer = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'UV-001', properties: { name: 'a', status: 'razed', history: [{ date: '2025-01-01', status: 'razed' }], plan: 'demolish' }, geometry: null }] };
    const bytes = new TextEncoder().encode(JSON.stringify(layer));
    const withSchemas = new ImportJob(loadProjectSchemas);
    await withSchemas.read('layer.geojson', bytes, () => undefined);
    const checked = await withSchemas.check(request, () => undefined);
    expect(checked.needsMapping).toBe(false);
    expect(checked.report.problems.map((problem) => problem.path).sort()).toEqual(['/features/0/properties/history/0/status', '/features/0/properties/status']);

    const withoutSchemas = new ImportJob(async () => undefined);
    await withoutSchemas.read('layer.geojson', bytes, () => undefined);
    expect((await withoutSchemas.check(request, () => undefined)).report.problems).toEqual([]);
  });
});

describe('an import job over coordinates copied from a Chinese web map', () => {
  const [lon, lat] = [102.7, 25.0];
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: '地块' }, geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.002, lat], [lon + 0.002, lat + 0.002], [lon, lat + 0.002], [lon, lat]]] } }],
  });
  const firstVertex = (checked: Awaited<ReturnType<ImportJob['check']>>) => {
    const geometry = checked.all?.features[0]?.geometry;
    if (geometry?.type !== 'Polygon') throw new Error('no polygon');
    return geometry.coordinates[0]?.[0] ?? [Number.NaN, Number.NaN];
  };

  it('converts GCJ-02 or BD-09 to WGS 84 only when the user says so, and reports it', async () => {
    const job = new ImportJob(loadProjectSchemas);
    const read = await job.read('高德描点.geojson', new TextEncoder().encode(text), () => undefined);
    if (!read.ok) throw new Error('not read');
    const asIs = await job.check(request, () => undefined);
    expect(asIs.report.reprojection).toBeUndefined();
    expect(firstVertex(asIs)).toEqual([lon, lat]);
    for (const convertFrom of ['gcj02', 'bd09'] as const) {
      const converted = await job.check({ ...request, convertFrom }, () => undefined);
      expect(converted.report.reprojection?.from).toBe(convertFrom === 'gcj02' ? 'GCJ-02' : 'BD-09');
      const [x = Number.NaN, y = Number.NaN] = firstVertex(converted);
      // The datum shift in Yunnan is a few hundred metres: far more than rounding, far less than a mistake.
      const shiftMeters = Math.hypot((x - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (y - lat) * 110_574);
      expect(shiftMeters).toBeGreaterThan(100);
      expect(shiftMeters).toBeLessThan(1_500);
    }
  });
});

describe('an import job over a DataV district boundary (GCJ-02, 8.8× the district)', () => {
  const green = projectManifest.layers.find((layer) => layer.id === 'green-space');
  if (!green) throw new Error('no green-space layer');
  const greenRequest = { partIndex: 0, layer: green, manifest: projectManifest };

  it('converts it from GCJ-02 unless told otherwise, and says why', async () => {
    const job = new ImportJob(loadProjectSchemas);
    const read = await job.read('530112.json', importFixture('datav-530112.json'), () => undefined);
    expect(read.ok).toBe(true);
    const automatic = await job.check(greenRequest, () => undefined);
    expect(automatic.report.reprojection).toEqual({ from: 'GCJ-02', to: 'EPSG:4326' });
    expect(automatic.report.datumHint?.fields.slice(0, 3)).toEqual(['adcode', 'acroutes', 'parent']);
    const declined = await job.check({ ...greenRequest, convertFrom: 'none' }, () => undefined);
    expect(declined.report.reprojection).toBeUndefined();
    expect(declined.report.datumHint?.datum).toBe('gcj02');
  });
});
