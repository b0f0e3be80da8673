import { describe, expect, it } from 'vitest';
import { targetsCsvFileName, targetsCsvText } from '../../../../src/domain/export/targetsCsvText';
import { districtStats } from '../../../../src/domain/progress/districtStats';
import type { LayerDefinition, Manifest, PlanTarget } from '../../../../src/domain/plan/manifest';
import { handMadeLayer, LIFECYCLE_LAYER } from '../../../support/planLayers';
import { parseCsv } from '../../../support/parseCsv';

const targets: PlanTarget[] = [
  { id: 'invest', label: { zh: '完成投资', en: 'Investment done' }, metric: 'sum', property: 'investment', unit: { zh: '亿元', en: '100M CNY' }, target: 10, deadline: '2026-12-31', countedStatuses: ['done'] },
  { id: 'share', label: { zh: '完成比例', en: 'Share done' }, metric: 'share', target: 80, deadline: '2026-12-31', countedStatuses: ['done'] },
];
const definition: LayerDefinition = { ...LIFECYCLE_LAYER, targets };
const layer = handMadeLayer([
  { status: 'done', investment: 2.5 },
  { status: 'done', investment: '1.5' },
  { status: 'working', investment: 4 },
  { status: 'pending' },
], definition);
const manifest = {
  district: { name: { zh: '测试区', en: 'Test District' }, planStart: '2024-01-01', planEnd: '2028-12-31', center: [0, 0], zoom: 10, bounds: [0, 0, 1, 1] },
  layers: [definition],
} as Manifest;

describe('the targets CSV (规划目标进度)', () => {
  const stats = districtStats(manifest, [layer], { layers: {} }, '2026-06-30');

  it('writes every target in its unit, a share as the percentage itself, with its verdict and whether it is behind pace', () => {
    const rows = parseCsv(targetsCsvText(stats, 'zh').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['图层', '目标', '指标', '单位', '目标值', '完成值', '完成率（%）', '按期应完成', '期限', '进度', '滞后', '统计日期']);
    expect(rows[1]?.slice(0, 7)).toEqual(['测试图层', '完成投资', '属性合计（如投资额、学位数）', '亿元', '10', '4', '40']);
    expect(rows[1]?.slice(9)).toEqual(['进度滞后', '是', '2026-06-30']);
    expect(rows[2]?.slice(1, 7)).toEqual(['完成比例', '占比（%，计入状态的要素占符合条件要素的百分比）', '%', '80', '50', '62.5']);
  });

  it('speaks English when asked, and names its file by the date', () => {
    const rows = parseCsv(targetsCsvText(stats, 'en').replace(/^\uFEFF/, ''));
    expect(rows[0]?.[0]).toBe('Layer');
    expect(rows[1]?.slice(0, 4)).toEqual(['Test layer', 'Investment done', 'sum of a numeric property (e.g. investment, school seats)', '100M CNY']);
    expect(rows[1]?.[10]).toBe('yes');
    expect(targetsCsvFileName('2026-06-30')).toBe('targets-2026-06-30.csv');
  });
});
