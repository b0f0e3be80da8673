import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../../src/domain/plan/manifest';
import { statusFacetsOf } from '../../../../src/domain/progress/statusFacets';
import { targetProgressFromGroups, targetTotalsFromGroups, type TargetGroup } from '../../../../src/domain/progress/targetGroups';

/*
 * A tiled layer's target progress from the database's groups. That it equals targetProgress on a
 * real layer file is tests/db/tiledLayerStats.test.ts; here, the rules on groups small enough to
 * add up by hand.
 */

const group = (status: string, street: string, where: Record<string, unknown>, features: number, areaSquareMeters: number, sums: Record<string, number> = {}): TargetGroup => ({
  status,
  street,
  where,
  features,
  areaSquareMeters,
  lengthMeters: 0,
  sums,
});

const groups: TargetGroup[] = [
  group('done', 'A', { plan: 'demolish', grade: 3 }, 2, 30_000, { investment: 1.5 }),
  group('done', 'B', { plan: 'renovate' }, 1, 50_000, { investment: 2 }),
  group('working', 'A', { plan: 'demolish' }, 4, 70_000, { investment: 4 }),
  group('done', '', {}, 3, 20_000, { investment: 0.25 }),
];

const target = (overrides: Partial<PlanTarget>): PlanTarget => ({
  id: 't',
  label: { zh: '目标', en: 'Target' },
  metric: 'count',
  target: 10,
  deadline: '2026-01-01',
  countedStatuses: ['done'],
  ...overrides,
});

describe('targetTotalsFromGroups', () => {
  it('counts the counted statuses, beside every matching project in the plan', () => {
    expect(targetTotalsFromGroups(target({}), groups)).toEqual({ features: 6, areaSquareMeters: 100_000, lengthMeters: 0, propertySum: 0, eligibleFeatures: 10 });
  });

  it('matches `where` as text, an absent value as the empty text', () => {
    expect(targetTotalsFromGroups(target({ where: { property: 'plan', equals: 'demolish' } }), groups).features).toBe(2);
    expect(targetTotalsFromGroups(target({ where: { property: 'grade', equals: '3' } }), groups).eligibleFeatures).toBe(2);
    expect(targetTotalsFromGroups(target({ where: { property: 'plan', equals: '' } }), groups).features).toBe(3);
  });

  it("adds a sum target's property, and nothing for the other metrics", () => {
    expect(targetTotalsFromGroups(target({ metric: 'sum', property: 'investment' }), groups).propertySum).toBe(3.75);
    expect(targetTotalsFromGroups(target({ metric: 'count', property: 'investment' }), groups).propertySum).toBe(0);
  });

  it("applies a view filter's statuses and sub-districts", () => {
    expect(targetTotalsFromGroups(target({}), groups, { statuses: [], streets: ['A'] })).toMatchObject({ features: 2, eligibleFeatures: 6 });
    expect(targetTotalsFromGroups(target({}), groups, { statuses: ['working'], streets: [] })).toMatchObject({ features: 0, eligibleFeatures: 4 });
  });
});

describe('targetProgressFromGroups', () => {
  it("gives a share target's percentage and its pace", () => {
    const progress = targetProgressFromGroups(target({ metric: 'share', target: 50, where: { property: 'plan', equals: 'demolish' } }), groups, { asOfDate: '2025-01-01', planStart: '2024-01-01' });
    expect(progress.actual).toBeCloseTo((100 * 2) / 6, 12);
    expect(progress.expectedActual).toBeCloseTo(50 * (366 / 731), 12);
    expect(progress.met).toBe(false);
  });
});

describe('statusFacetsOf', () => {
  it("lists the properties the targets' conditions read and the sum targets add, once each and sorted", () => {
    const targets = [
      target({ where: { property: 'plan', equals: 'demolish' } }),
      target({ where: { property: 'kind', equals: 'x' }, metric: 'sum', property: 'investment' }),
      target({ where: { property: 'plan', equals: 'renovate' }, property: 'seats' }),
    ];
    expect(statusFacetsOf({ targets })).toEqual({ whereProperties: ['kind', 'plan'], sumProperties: ['investment'] });
  });
});
