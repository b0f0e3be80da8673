import { describe, expect, it } from 'vitest';
import { targetRankingByStreet } from '../../../../src/domain/progress/targetRankingByStreet';
import { targetProgress } from '../../../../src/domain/progress/targetProgress';
import type { PlanTarget } from '../../../../src/domain/plan/manifest';
import { handMadeLayer } from '../../../support/planLayers';

const doneArea: PlanTarget = {
  id: 'done-area', label: { zh: '完成面积', en: 'Area done' }, metric: 'area_ha', target: 10,
  deadline: '2028-12-31', countedStatuses: ['done'],
};

const layer = handMadeLayer([
  { status: 'done', areaSquareMeters: 30_000, street: '东街道' },
  { status: 'done', areaSquareMeters: 10_000, street: '西街道' },
  { status: 'done', areaSquareMeters: 20_000, street: '东街道' },
  { status: 'working', areaSquareMeters: 90_000, street: '北街道' },
]);
const context = { asOfDate: '2026-01-01', planStart: '2024-01-01' };

describe('sub-district ranking of a target', () => {
  it('ranks sub-districts by what each contributed, largest first', () => {
    const ranking = targetRankingByStreet(doneArea, layer, context);
    expect(ranking.map((entry) => [entry.street, entry.actual])).toEqual([['东街道', 5], ['西街道', 1], ['北街道', 0]]);
  });

  it('adds up to the district figure, so the ranking and the KPI agree', () => {
    const ranking = targetRankingByStreet(doneArea, layer, context);
    const district = targetProgress(doneArea, layer, context).actual;
    expect(ranking.reduce((sum, entry) => sum + entry.actual, 0)).toBeCloseTo(district, 12);
    expect(ranking.reduce((sum, entry) => sum + entry.percentOfDistrict, 0)).toBeCloseTo(100, 10);
  });

  it('respects a filter already applied to the view', () => {
    const ranking = targetRankingByStreet(doneArea, layer, { ...context, include: (index) => index !== 0 });
    expect(ranking.find((entry) => entry.street === '东街道')?.actual).toBe(2);
  });

  it('ranks a share by each sub-district\'s own share, since contributions to a percentage do not add up to it', () => {
    const doneShare: PlanTarget = { ...doneArea, id: 'done-share', metric: 'share', target: 90 };
    const mixed = handMadeLayer([
      { status: 'done', street: '东街道' },
      { status: 'working', street: '东街道' },
      { status: 'done', street: '西街道' },
      { status: 'working', street: '北街道' },
    ]);
    expect(targetRankingByStreet(doneShare, mixed, context).map((entry) => [entry.street, entry.actual])).toEqual([['西街道', 100], ['东街道', 50], ['北街道', 0]]);
    expect(targetProgress(doneShare, mixed, context).actual).toBe(50);
  });
});
