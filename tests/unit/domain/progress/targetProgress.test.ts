import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../../src/domain/plan/manifest';
import { elapsedFraction, targetProgress } from '../../../../src/domain/progress/targetProgress';
import { handMadeLayer } from '../../../support/planLayers';

const layer = handMadeLayer([
  { status: 'done', plan: 'demolish', areaSquareMeters: 30_000, lengthMeters: 1_500 },
  { status: 'done', plan: 'renovate', areaSquareMeters: 50_000, lengthMeters: 2_500 },
  { status: 'working', plan: 'demolish', areaSquareMeters: 70_000, lengthMeters: 3_500 },
  { status: 'done', plan: 'demolish', areaSquareMeters: 20_000, lengthMeters: 500 },
]);

const target = (overrides: Partial<PlanTarget>): PlanTarget => ({
  id: 't',
  label: { zh: '目标', en: 'Target' },
  metric: 'area_ha',
  target: 10,
  deadline: '2026-01-01',
  countedStatuses: ['done'],
  ...overrides,
});

const context = { asOfDate: '2025-01-01', planStart: '2024-01-01' };

describe('targetProgress', () => {
  it('sums the metric over features in a counted status: percent and remaining', () => {
    const progress = targetProgress(target({}), layer, context);
    expect(progress.actual).toBe(10);
    expect(progress.percent).toBe(100);
    expect(progress.remaining).toBe(0);
    expect(progress.met).toBe(true);
  });

  it('applies the where-condition', () => {
    const progress = targetProgress(target({ where: { property: 'plan', equals: 'demolish' } }), layer, context);
    expect(progress.actual).toBe(5);
    expect(progress.percent).toBe(50);
    expect(progress.remaining).toBe(5);
    expect(progress.met).toBe(false);
  });

  it('measures counts, mu and kilometres', () => {
    expect(targetProgress(target({ metric: 'count', target: 4 }), layer, context).actual).toBe(3);
    expect(targetProgress(target({ metric: 'area_mu', target: 300 }), layer, context).actual).toBe(150);
    expect(targetProgress(target({ metric: 'length_km', target: 3 }), layer, context).percent).toBeCloseTo(150, 10);
  });

  it('counts several statuses and lets percent exceed 100', () => {
    const progress = targetProgress(target({ countedStatuses: ['working', 'done'], target: 8 }), layer, context);
    expect(progress.actual).toBe(17);
    expect(progress.percent).toBe(212.5);
    expect(progress.remaining).toBe(0);
  });

  it('expects a steady pace from the plan start to the deadline (UTC days)', () => {
    // 2024-01-01 → 2026-01-01 is 731 days; 2025-01-01 is day 366.
    const progress = targetProgress(target({ target: 19 }), layer, context);
    expect(progress.expectedActual).toBeCloseTo((19 * 366) / 731, 12);
    expect(progress.onTrack).toBe(true);
    const behind = targetProgress(target({ target: 40 }), layer, context);
    expect(behind.expectedActual).toBeCloseTo((40 * 366) / 731, 12);
    expect(behind.onTrack).toBe(false);
  });

  it('clamps the expected pace before the start and after the deadline', () => {
    expect(targetProgress(target({ target: 40 }), layer, { ...context, asOfDate: '2023-06-01' }).expectedActual).toBe(0);
    expect(targetProgress(target({ target: 40 }), layer, { ...context, asOfDate: '2027-06-01' }).expectedActual).toBe(40);
    expect(elapsedFraction('2024-01-01', '2024-01-01', '2024-01-01')).toBe(1);
  });

  it('is overdue only after the deadline and when not met', () => {
    const unmet = target({ target: 40 });
    expect(targetProgress(unmet, layer, { ...context, asOfDate: '2026-01-01' }).overdue).toBe(false);
    expect(targetProgress(unmet, layer, { ...context, asOfDate: '2026-01-02' }).overdue).toBe(true);
    const met = targetProgress(target({ target: 10 }), layer, { ...context, asOfDate: '2026-01-02' });
    expect(met.overdue).toBe(false);
    expect(met.onTrack).toBe(true);
  });

  it('handles a zero target as met', () => {
    const progress = targetProgress(target({ target: 0 }), handMadeLayer([]), context);
    expect(progress).toMatchObject({ actual: 0, percent: 100, remaining: 0, met: true, onTrack: true, overdue: false });
  });

  it('uses statusOf and include when given', () => {
    const allWorking = targetProgress(target({ countedStatuses: ['working'] }), layer, { ...context, statusOf: () => 'working' });
    expect(allWorking.actual).toBe(17);
    const onlyFirst = targetProgress(target({}), layer, { ...context, include: (index) => index === 0 });
    expect(onlyFirst.actual).toBe(3);
  });

  it('sums a numeric property over the counted features, in the target\'s own unit, reading numeric text and skipping the rest', () => {
    const projects = handMadeLayer([
      { status: 'done', investment: 12.5 },
      { status: 'done', investment: '7.25' },
      { status: 'working', investment: 30 },
      { status: 'done', investment: 'unknown' },
      { status: 'done' },
    ]);
    const investment = target({ metric: 'sum', property: 'investment', unit: { zh: '亿元', en: '100M CNY' }, target: 40 });
    const progress = targetProgress(investment, projects, context);
    expect(progress.actual).toBe(19.75);
    expect(progress.percent).toBeCloseTo(49.375, 12);
    expect(progress.unit).toEqual({ zh: '亿元', en: '100M CNY' });
    expect(targetProgress(investment, projects, { ...context, statusOf: () => 'done' }).actual, 'a past date counts with the statuses of then').toBe(49.75);
  });

  it('gives a share as the percentage of the matching features in the plan whose status is counted', () => {
    const share = target({ metric: 'share', target: 80, where: { property: 'plan', equals: 'demolish' } });
    const progress = targetProgress(share, layer, context);
    expect(progress.actual).toBeCloseTo(200 / 3, 12);
    expect(progress.percent).toBeCloseTo((100 * (200 / 3)) / 80, 12);
    expect(progress.met).toBe(false);
    expect(progress.unit, 'only a sum carries a unit of its own').toBeUndefined();
    const notYetInPlan = targetProgress(share, layer, { ...context, statusOf: (index) => (index === 2 ? null : 'done') });
    expect(notYetInPlan.actual, 'features not in the plan on the date are not in the denominator').toBe(100);
    expect(targetProgress(share, layer, { ...context, include: () => false }).actual, 'a share of no features is 0, not NaN').toBe(0);
  });

  it('carries the target identity', () => {
    const progress = targetProgress(target({ id: 'green-add', deadline: '2028-12-31' }), layer, context);
    expect(progress).toMatchObject({ targetId: 'green-add', metric: 'area_ha', target: 10, deadline: '2028-12-31', label: { zh: '目标', en: 'Target' } });
  });
});
