import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { describe, expect, it } from 'vitest';
import { applyFieldMapping } from '../../../../src/domain/import/applyFieldMapping';
import type { FieldMapping } from '../../../../src/domain/import/fieldMapping';
import { checkPlanAttributes } from '../../../../src/domain/validation/checkPlanAttributes';
import { projectManifest, projectSchemas } from '../../../support/inputCases';

const villages = projectManifest.layers.find((layer) => layer.id === 'urban-villages');
if (!villages) throw new Error('no urban-villages layer');
const existingIds = Array.from({ length: 30 }, (_, index) => `UV-${String(index + 1).padStart(3, '0')}`);

const square = (west: number, south: number): Geometry => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + 0.001, south], [west + 0.001, south + 0.001], [west, south + 0.001], [west, south]]],
});
function survey(rows: GeoJsonProperties[]): FeatureCollection<Geometry | null, GeoJsonProperties> {
  return { type: 'FeatureCollection', features: rows.map((properties, index): Feature<Geometry | null, GeoJsonProperties> => ({ type: 'Feature', properties, geometry: square(102.7 + index * 0.002, 25.0) })) };
}
const rows: GeoJsonProperties[] = [
  { 项目名称: ' 东岗村 ', BH: '2025-017', 状态: '已拆除', 街道: '凤鸣街道', 实施方式: '拆除重建', 户数: 120, 批复日期: '2025-03-01', 备注: '一期' },
  { 项目名称: '西岗村（二期）', BH: '', 状态: '征收中', 街道: '海埂街道', 实施方式: '综合整治', 户数: 85, 批复日期: null, 备注: null },
  { 项目名称: '南湾村', BH: '2025-019', 状态: '不详', 街道: '海埂街道', 实施方式: '', 户数: 0, 批复日期: '2024年6月15日', 备注: '' },
];
const mapping: FieldMapping = {
  columns: { name: '项目名称', status: '状态', statusDate: '批复日期', street: '街道', plan: '实施方式', households: '户数' },
  statusValues: { 已拆除: 'demolished', 征收中: 'expropriating' },
  defaultStatus: 'demolishing',
  defaultStatusDate: '2025-06-30',
  defaultValues: { plan: 'demolish' },
  keepOtherColumns: false,
};
const check = (collection: FeatureCollection<Geometry | null, GeoJsonProperties>) =>
  checkPlanAttributes({ problems: [], warnings: [] }, collection, { layer: villages, manifest: projectManifest, schemas: projectSchemas, checkIds: true });

describe('applying a field mapping to a surveyor\'s attributes', () => {
  it('gives every feature the plan fields: names, lifecycle statuses, a dated history, attributes by label, ids in the layer\'s pattern', () => {
    const mapped = applyFieldMapping(survey(rows), villages, mapping, existingIds);
    expect(mapped.collection.features.map((feature) => [feature.id, feature.properties])).toEqual([
      ['UV-031', { name: '东岗村', status: 'demolished', history: [{ date: '2025-03-01', status: 'demolished' }], street: '凤鸣街道', plan: 'demolish', households: 120 }],
      ['UV-032', { name: '西岗村（二期）', status: 'expropriating', history: [{ date: '2025-06-30', status: 'expropriating' }], street: '海埂街道', plan: 'renovate', households: 85 }],
      ['UV-033', { name: '南湾村', status: 'demolishing', history: [{ date: '2024-06-15', status: 'demolishing' }], street: '海埂街道', plan: 'demolish', households: 0 }],
    ]);
    expect(mapped.generatedIdCount).toBe(3);
    expect(mapped.defaultStatusCount).toBe(1);
    expect(mapped.collection.features.map((feature) => feature.geometry)).toEqual(survey(rows).features.map((feature) => feature.geometry));
    expect(check(mapped.collection).problems).toEqual([]);
  });

  it('takes ids from a mapped column and generates only the missing ones, clear of the file\'s and the layer\'s', () => {
    const mapped = applyFieldMapping(survey(rows), villages, { ...mapping, columns: { ...mapping.columns, id: 'BH' } }, existingIds);
    expect(mapped.collection.features.map((feature) => feature.id)).toEqual(['2025-017', 'UV-031', '2025-019']);
    expect(mapped.generatedIdCount).toBe(1);
    const clashing = applyFieldMapping(survey([{ BH: 'UV-031' }, { BH: '' }]), villages, { ...mapping, columns: { id: 'BH' } }, existingIds);
    expect(clashing.collection.features.map((feature) => feature.id)).toEqual(['UV-031', 'UV-032']);
  });

  it('keeps the other columns only when asked, under their own names', () => {
    const kept = applyFieldMapping(survey(rows), villages, { ...mapping, keepOtherColumns: true }, existingIds);
    expect(kept.collection.features[0]?.properties).toMatchObject({ BH: '2025-017', 备注: '一期', name: '东岗村' });
    expect(kept.collection.features[0]?.properties).not.toHaveProperty('项目名称');
    const dropped = applyFieldMapping(survey(rows), villages, mapping, existingIds);
    expect(dropped.collection.features[0]?.properties).not.toHaveProperty('备注');
  });

  it('keeps a history the file already has when it ends in the status the feature gets', () => {
    const history = [{ date: '2024-01-05', status: 'pending' }, { date: '2025-02-01', status: 'demolished' }];
    const mapped = applyFieldMapping(survey([{ name: 'a', status: 'demolished', history }]), villages, { ...mapping, columns: { name: 'name', status: 'status' }, statusValues: { demolished: 'demolished' } }, existingIds);
    expect(mapped.collection.features[0]?.properties?.history).toEqual(history);
  });

  it('leaves values it cannot place for the layer schema to name: a missing required attribute, an unknown plan value, a repeated id', () => {
    const mapped = applyFieldMapping(
      survey([{ 名称: 'a', 方式: '拆迁', BH: 'X-1' }, { 名称: 'b', 方式: '', BH: 'X-1' }]),
      villages,
      { ...mapping, columns: { id: 'BH', name: '名称', plan: '方式' }, defaultValues: {} },
      existingIds,
    );
    expect(mapped.collection.features.map((feature) => feature.properties?.plan)).toEqual(['拆迁', undefined]);
    const problems = check(mapped.collection).problems.map((problem) => [problem.featureIndex, problem.code, problem.path]);
    expect(problems).toEqual([
      [0, 'ATTRIBUTE_ENUM', '/features/0/properties/plan'],
      [1, 'DUPLICATE_ID', '/features/1/id'],
      [1, 'ATTRIBUTE_REQUIRED', '/features/1/properties/plan'],
    ]);
  });
});
