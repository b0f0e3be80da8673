import { describe, expect, it } from 'vitest';
import { sourceColumns } from '../../../../src/domain/import/sourceColumns';
import { enumValueOf, suggestColumns, suggestFieldMapping, suggestStatus } from '../../../../src/domain/import/suggestFieldMapping';
import { projectManifest } from '../../../support/inputCases';

const layer = (id: string) => {
  const found = projectManifest.layers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found;
};
const villages = layer('urban-villages');

const surveyRows = [
  { 项目名称: '东岗村', BH: '2025-017', 状态: '已拆除', 街道: '凤鸣街道', 实施方式: '拆除重建', 户数: 120, 批复日期: '2025-03-01', 规划面积: 1.5 },
  { 项目名称: '西岗村', BH: '2025-018', 状态: '征收中', 街道: '海埂街道', 实施方式: '综合整治', 户数: 85, 批复日期: null, 规划面积: 2 },
];
const collectionOf = (rows: Record<string, unknown>[]) => ({
  type: 'FeatureCollection' as const,
  features: rows.map((properties) => ({ type: 'Feature' as const, properties, geometry: null })),
});

describe('suggested field mapping', () => {
  it('reads Chinese, English and pinyin-initial column names as the plan fields and the layer attributes', () => {
    expect(suggestColumns(sourceColumns(collectionOf(surveyRows)), villages)).toEqual({
      id: 'BH',
      name: '项目名称',
      status: '状态',
      statusDate: '批复日期',
      street: '街道',
      plan: '实施方式',
      households: '户数',
    });
    expect(suggestColumns(sourceColumns(collectionOf([{ NAME: 'a', 编号: 'X-1', 所属街道: 'b', ZT: '规划' }])), layer('roads'))).toEqual({ id: '编号', name: 'NAME', street: '所属街道', status: 'ZT' });
    expect(suggestColumns(sourceColumns(collectionOf([{ 名称: 'a', MC: 'b' }])), villages)).toEqual({ name: '名称' });
  });

  it('never suggests a column with repeated values as the id, and leaves unknown columns unmapped', () => {
    const columns = sourceColumns(collectionOf([{ 编号: '17', remark: 'x' }, { 编号: '17', remark: 'y' }]));
    expect(suggestColumns(columns, villages)).toEqual({});
  });

  it('maps status values by the lifecycle labels, then by common lifecycle words', () => {
    expect(suggestStatus('已拆除', villages)).toBe('demolished');
    expect(suggestStatus(' Demolished ', villages)).toBe('demolished');
    expect(suggestStatus('已拆除完毕', villages)).toBe('demolished');
    expect(suggestStatus('已完成', layer('roads'))).toBe('open');
    expect(suggestStatus('在建', layer('green-space'))).toBe('building');
    expect(suggestStatus('未完成', layer('roads'))).toBe('planned');
    expect(suggestStatus('不详', villages)).toBeUndefined();
    expect(suggestStatus('', villages)).toBeUndefined();
  });

  it('maps enumerated attribute values given by their label to their id', () => {
    const values = villages.attributes?.find((attribute) => attribute.property === 'plan')?.values ?? {};
    expect(enumValueOf('拆除重建', values)).toBe('demolish');
    expect(enumValueOf('Renovate', values)).toBe('renovate');
    expect(enumValueOf('拆迁', values)).toBeUndefined();
  });

  it('starts from the first lifecycle status, the given day and the suggested status values', () => {
    const mapping = suggestFieldMapping(sourceColumns(collectionOf([...surveyRows, { 状态: '不详' }])), villages, '2026-05-01', ['UV-001', 'UV-002']);
    expect(mapping.statusValues).toEqual({ 已拆除: 'demolished', 征收中: 'expropriating' });
    expect(mapping.defaultStatus).toBe('pending');
    expect(mapping.defaultStatusDate).toBe('2026-05-01');
    expect(mapping.keepOtherColumns).toBe(false);
  });

  it('suggests a column as the plan id only when its values follow the layer\'s id pattern, so the surveyor\'s numbers are not taken as ids', () => {
    const layerIds = ['UV-001', 'UV-002', 'UV-030'];
    expect(suggestFieldMapping(sourceColumns(collectionOf(surveyRows)), villages, '2026-05-01', layerIds).columns.id).toBeUndefined();
    const planIds = [{ 编号: 'UV-031', 名称: 'a' }, { 编号: 'UV-032', 名称: 'b' }];
    expect(suggestFieldMapping(sourceColumns(collectionOf(planIds)), villages, '2026-05-01', layerIds).columns.id).toBe('编号');
    // One value out of the pattern is enough to leave the ids to the app.
    const mixed = [...planIds, { 编号: 'BH-3', 名称: 'c' }];
    expect(suggestFieldMapping(sourceColumns(collectionOf(mixed)), villages, '2026-05-01', layerIds).columns.id).toBeUndefined();
    // An empty layer takes the initials of its id, as nextFeatureId numbers it.
    expect(suggestFieldMapping(sourceColumns(collectionOf(planIds)), villages, '2026-05-01', []).columns.id).toBe('编号');
  });
});
