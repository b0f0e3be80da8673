import { describe, expect, it } from 'vitest';
import type { LayerDefinition, Manifest, PlanTarget } from '../../../../src/domain/plan/manifest';
import { cityTargets, type CityDistrict } from '../../../../src/domain/city/cityTargets';
import { districtRanking } from '../../../../src/domain/city/districtRanking';
import { targetProgress } from '../../../../src/domain/progress/targetProgress';
import { handMadeLayer, LIFECYCLE_LAYER, type HandFeature } from '../../../support/planLayers';

const AS_OF = '2025-01-01';

const target = (overrides: Partial<PlanTarget>): PlanTarget => ({
  id: 'done-area',
  label: { zh: '完成面积', en: 'Area done' },
  metric: 'area_ha',
  target: 10,
  deadline: '2026-01-01',
  countedStatuses: ['done'],
  ...overrides,
});

function district(id: string, targets: PlanTarget[], features: HandFeature[], planStart = '2024-01-01'): CityDistrict {
  const definition: LayerDefinition = { ...LIFECYCLE_LAYER, targets };
  const manifest = { district: { name: { zh: id, en: id }, planStart, planEnd: '2028-12-31', center: [0, 0], zoom: 10, bounds: [0, 0, 1, 1] }, layers: [definition] } as unknown as Manifest;
  return { id, name: { zh: `${id}区`, en: `${id} District` }, manifest, layers: [handMadeLayer(features, definition)] };
}

const north = district('north', [target({}), target({ id: 'share', metric: 'share', target: 50, countedStatuses: ['done'] })], [
  { status: 'done', areaSquareMeters: 30_000 },
  { status: 'done', areaSquareMeters: 50_000 },
  { status: 'working', areaSquareMeters: 70_000 },
  { status: 'pending', areaSquareMeters: 10_000 },
]);
const south = district('south', [target({ target: 30 }), target({ id: 'share', metric: 'share', target: 100, countedStatuses: ['done'] })], [
  { status: 'done', areaSquareMeters: 100_000 },
  { status: 'working', areaSquareMeters: 20_000 },
]);

describe('cityTargets', () => {
  it('adds a measure target over the districts: actuals and targets, and each district keeps its own figure', () => {
    const city = cityTargets([north, south], AS_OF);
    const row = city.rows.find((candidate) => candidate.key === 'test-layer/done-area');
    expect(row?.districts.map((progress) => progress?.actual)).toEqual([8, 10]);
    expect(row?.city.actual).toBeCloseTo(18, 12);
    expect(row?.city.target).toBe(40);
    expect(row?.city.percent).toBeCloseTo(45, 12);
    // The same counting as a single district's target.
    expect(row?.districts[0]).toEqual(targetProgress(target({}), north.layers[0] ?? handMadeLayer([]), { asOfDate: AS_OF, planStart: '2024-01-01' }));
  });

  it('counts a share over every district’s matching projects, its target weighted by them', () => {
    const row = cityTargets([north, south], AS_OF).rows.find((candidate) => candidate.key === 'test-layer/share');
    expect(row?.districts.map((progress) => progress?.actual)).toEqual([50, 50]);
    // 3 of 6 projects done; targets 50 % over 4 projects and 100 % over 2: (4·50 + 2·100) / 6.
    expect(row?.city.actual).toBe(50);
    expect(row?.city.target).toBeCloseTo(400 / 6, 12);
    expect(row?.city.met).toBe(false);
  });

  it('keeps a target measured in another metric or unit in a row of its own, with the districts that lack it empty', () => {
    const inMu = district('west', [target({ metric: 'area_mu', target: 100 })], [{ status: 'done', areaSquareMeters: 15_000 }]);
    const city = cityTargets([north, inMu], AS_OF);
    expect(city.rows.map((row) => row.key)).toEqual(['test-layer/done-area', 'test-layer/share', 'test-layer/done-area|area_mu']);
    const muRow = city.rows[2];
    expect(muRow?.districts[0]).toBeNull();
    expect(muRow?.city.actual).toBeCloseTo(22.5, 9);
    expect(city.rows[0]?.districts[1]).toBeNull();
    expect(city.rows[0]?.city.target).toBe(10);
  });

  it('adds the steady pace of each district from its own plan start, and is due by the latest deadline', () => {
    const late = district('late', [target({ target: 30, deadline: '2027-01-01' })], [{ status: 'done', areaSquareMeters: 10_000 }], '2025-01-01');
    const row = cityTargets([north, late], '2026-06-01').rows[0];
    const own = (row?.districts ?? []).map((progress) => progress?.expectedActual ?? Number.NaN);
    expect(row?.city.expectedActual).toBeCloseTo((own[0] ?? 0) + (own[1] ?? 0), 12);
    expect(own[0]).toBe(10);
    expect(row?.city.deadline).toBe('2027-01-01');
    expect(row?.city.overdue).toBe(false);
  });
});

describe('districtRanking', () => {
  it('ranks the districts that have the target by progress toward their own target, not by size', () => {
    const small = district('small', [target({ target: 1 })], [{ status: 'done', areaSquareMeters: 20_000 }]);
    const city = cityTargets([north, south, small], AS_OF);
    const row = city.rows[0];
    if (!row) throw new Error('no row');
    expect(districtRanking(city, row).map((rank) => [rank.districtId, Math.round(rank.progress.percent)])).toEqual([['small', 200], ['north', 80], ['south', 33]]);
    const shareRow = city.rows[1];
    if (!shareRow) throw new Error('no share row');
    expect(districtRanking(city, shareRow).map((rank) => rank.districtId)).toEqual(['north', 'south']);
  });
});
