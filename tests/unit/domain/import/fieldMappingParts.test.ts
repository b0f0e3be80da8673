import { describe, expect, it } from 'vitest';
import { nextFeatureId, nextFeatureIds } from '../../../../src/domain/edits/nextFeatureId';
import { isoDateFromText } from '../../../../src/domain/import/isoDateFromText';
import { mergeImportedFeatures } from '../../../../src/domain/import/mergeImportedFeatures';
import { needsFieldMapping } from '../../../../src/domain/import/needsFieldMapping';
import { MAX_DISTINCT_VALUES, sourceColumns } from '../../../../src/domain/import/sourceColumns';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';

const planFeature = (id: string, name = id): PlanFeature => ({ type: 'Feature', id, geometry: null, properties: { name, status: 'pending', history: [{ date: '2025-01-01', status: 'pending' }] } });
const layer = { id: 'urban-villages' };

describe('ids for many imported features at once', () => {
  it('continues the layer\'s pattern past its highest number, skipping taken ids, as nextFeatureId does one at a time', () => {
    const features = ['UV-001', 'UV-007', 'RD-99'].map((id) => ({ id }));
    expect(nextFeatureIds(features, layer, 3, new Set(['UV-009']))).toEqual(['UV-008', 'UV-010', 'UV-011']);
    expect(nextFeatureIds(features, layer, 0)).toEqual([]);
    expect(nextFeatureId(features, layer)).toBe('UV-008');
    expect(nextFeatureIds([], layer, 2)).toEqual(['UV-001', 'UV-002']);
  });
});

describe('dates as surveyors write them', () => {
  it('reads the common forms as YYYY-MM-DD and refuses what is no calendar date', () => {
    expect(['2025-3-1', '2025/03/01', '2025.3.1', '20250301', '2025年3月1日', '2025-03-01T08:00:00Z'].map(isoDateFromText)).toEqual(Array(6).fill('2025-03-01'));
    expect(['2025-02-30', '01/03/2025', '三月', ''].map(isoDateFromText)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('adding an import to a layer', () => {
  it('replaces features with the same id where they are and appends the new ones in the file\'s order', () => {
    const current = { type: 'FeatureCollection' as const, features: [planFeature('UV-001'), planFeature('UV-002')] };
    const imported = { type: 'FeatureCollection' as const, features: [planFeature('UV-004', 'new'), planFeature('UV-002', 'resurveyed'), planFeature('UV-003', 'new too')] };
    const merged = mergeImportedFeatures(current, imported);
    expect(merged.features.map((feature) => [feature.id, feature.properties.name])).toEqual([['UV-001', 'UV-001'], ['UV-002', 'resurveyed'], ['UV-004', 'new'], ['UV-003', 'new too']]);
    expect(current.features.map((feature) => feature.properties.name)).toEqual(['UV-001', 'UV-002']);
  });
});

describe('the columns of an imported file', () => {
  it('lists each column once with its values, and says which need mapping', () => {
    const collection = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, geometry: null, properties: { 名称: ' 下庄村 ', 编号: 17, 已核实: true } },
        { type: 'Feature' as const, geometry: null, properties: { 名称: '下庄村', 编号: null, 备注: { nested: 1 } } },
      ],
    };
    expect(sourceColumns(collection)).toEqual([
      { name: '名称', filledCount: 2, distinctValues: ['下庄村'], allValuesListed: true, unique: false },
      { name: '编号', filledCount: 1, distinctValues: ['17'], allValuesListed: true, unique: true },
      { name: '已核实', filledCount: 1, distinctValues: ['true'], allValuesListed: true, unique: true },
      { name: '备注', filledCount: 0, distinctValues: [], allValuesListed: true, unique: true },
    ]);
    expect(needsFieldMapping(collection)).toBe(true);
    expect(needsFieldMapping({ type: 'FeatureCollection', features: [planFeature('UV-001')] })).toBe(false);
  });

  it('lists at most a hundred distinct values', () => {
    const features = Array.from({ length: MAX_DISTINCT_VALUES + 5 }, (_, index) => ({ type: 'Feature' as const, geometry: null, properties: { 状态: `s${index}` } }));
    const [column] = sourceColumns({ type: 'FeatureCollection', features });
    expect(column?.distinctValues).toHaveLength(MAX_DISTINCT_VALUES);
    expect(column?.allValuesListed).toBe(false);
  });
});
