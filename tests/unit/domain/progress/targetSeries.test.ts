import { describe, expect, it } from 'vitest';
import type { PlanTarget } from '../../../../src/domain/plan/manifest';
import type { MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import { statusCodesAsOf } from '../../../../src/domain/progress/statusCodesAsOf';
import { targetProgress } from '../../../../src/domain/progress/targetProgress';
import { seriesActualOn, seriesPaceOn, targetSeries, type TargetSeries } from '../../../../src/domain/progress/targetSeries';
import { readGeodataDirectory } from '../../../../src/data/readGeodataDirectory';
import { measureLayer } from '../../../../src/domain/measure/measuredLayer';
import { handMadeLayer } from '../../../support/planLayers';
import { join } from 'node:path';

const GEODATA_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'geodata');
const TODAY = '2026-12-07';

async function sample() {
  const { manifest, layers } = await readGeodataDirectory(GEODATA_DIR);
  return { planStart: manifest.district.planStart, layers: layers.map(({ definition, collection }) => measureLayer(definition, collection)) };
}

const extra = (id: string, overrides: Partial<PlanTarget>): PlanTarget => ({
  id,
  label: { zh: id, en: id },
  metric: 'count',
  target: 10,
  deadline: '2028-12-31',
  countedStatuses: [],
  ...overrides,
});

/** Sum and share targets on the sample's own properties and statuses, beside the manifest's. */
const EXTRA_TARGETS: Record<string, PlanTarget[]> = {
  'old-neighborhoods': [
    extra('households-sum', { metric: 'sum', property: 'households', unit: { zh: '户', en: 'households' }, target: 60_000, countedStatuses: ['completed'] }),
    extra('completed-share', { metric: 'share', target: 100, countedStatuses: ['completed'] }),
  ],
  'urban-villages': [
    extra('demolish-share', { metric: 'share', target: 80, where: { property: 'plan', equals: 'demolish' }, countedStatuses: ['demolished'] }),
    extra('households-moved', { metric: 'sum', property: 'households', target: 20_000, where: { property: 'plan', equals: 'demolish' }, countedStatuses: ['demolishing', 'demolished'] }),
  ],
  lakeshore: [extra('buildings-cleared', { metric: 'sum', property: 'illegalBuildings', target: 300, countedStatuses: ['restored'] })],
};

/** Every distinct history day of the layer, the plan start, today and the day before each of them. */
function daysToCheck(layer: MeasuredLayer, planStart: string): string[] {
  const days = new Set<string>([planStart, TODAY, '2023-06-01']);
  for (const feature of layer.features) {
    for (const change of feature.properties.history ?? []) {
      days.add(change.date);
      const before = new Date(`${change.date}T00:00:00Z`);
      before.setUTCDate(before.getUTCDate() - 1);
      days.add(before.toISOString().slice(0, 10));
    }
  }
  return [...days].sort();
}

function expectAgreement(series: TargetSeries, target: PlanTarget, layer: MeasuredLayer, planStart: string, days: string[], mask?: Uint8Array) {
  for (const day of days) {
    const expected = targetProgress(target, layer, { asOfDate: day < planStart ? planStart : day, planStart, codes: statusCodesAsOf(layer.columns, day < planStart ? planStart : day), mask }).actual;
    const actual = seriesActualOn(series, day);
    // Counts, shares and whole-number sums agree to the bit; areas and lengths to the last bits of the sum.
    if (Number.isInteger(expected)) expect({ day, actual }).toEqual({ day, actual: expected });
    else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  }
}

describe('targetSeries on the sample district', () => {
  it('agrees with targetProgress on every history day for every target, sum and share included', async () => {
    const { planStart, layers } = await sample();
    let checked = 0;
    for (const layer of layers) {
      const days = daysToCheck(layer, planStart);
      for (const target of [...layer.definition.targets, ...(EXTRA_TARGETS[layer.definition.id] ?? [])]) {
        const series = targetSeries(target, layer, { planStart, today: TODAY });
        expect(series.steps[0]?.date).toBe(planStart);
        expect(series.steps.map((step) => step.date)).toEqual([...series.steps.map((step) => step.date)].sort());
        expectAgreement(series, target, layer, planStart, days);
        checked += 1;
      }
    }
    // Every target of the plan and every extra one was checked, whatever the sample holds.
    expect(checked).toBe(layers.reduce((count, layer) => count + layer.definition.targets.length + (EXTRA_TARGETS[layer.definition.id]?.length ?? 0), 0));
    expect(layers.some((layer) => layer.definition.targets.some((target) => target.metric === 'share')), 'the sample has a share target of its own').toBe(true);
  });

  it('honours a view filter: the series of a sub-district is the progress its mask gives', async () => {
    const { planStart, layers } = await sample();
    const layer = layers.find((candidate) => candidate.definition.id === 'urban-villages');
    if (!layer) throw new Error('the sample has no urban-villages layer');
    const street = layer.columns.streets.indexOf('太和街道');
    const mask = Uint8Array.from(layer.columns.streetCode, (code) => (code === street ? 1 : 0));
    for (const target of [...layer.definition.targets, ...(EXTRA_TARGETS['urban-villages'] ?? [])]) {
      const whole = targetSeries(target, layer, { planStart, today: TODAY });
      const viaMask = targetSeries(target, layer, { planStart, today: TODAY, mask });
      const viaInclude = targetSeries(target, layer, { planStart, today: TODAY, include: (index) => layer.columns.streetCode[index] === street });
      expect(viaInclude).toEqual(viaMask);
      expectAgreement(viaMask, target, layer, planStart, daysToCheck(layer, planStart), mask);
      expect(seriesActualOn(viaMask, TODAY)).toBeLessThanOrEqual(seriesActualOn(whole, TODAY));
    }
  });

  it('runs to the later of today and the last history date', async () => {
    const { planStart, layers } = await sample();
    const layer = layers[0];
    const target = layer?.definition.targets[0];
    if (!layer || !target) throw new Error('the sample has no targets');
    expect(targetSeries(target, layer, { planStart, today: TODAY }).endDate).toBe(TODAY);
    expect(targetSeries(target, layer, { planStart, today: '2024-02-01' }).endDate > '2024-02-01').toBe(true);
  });
});

describe('targetSeries by hand', () => {
  const counted = extra('t', { metric: 'area_ha', target: 10, deadline: '2026-01-01', countedStatuses: ['done'] });

  it('steps on the days the actual changes, folding earlier history into the plan start', () => {
    const layer = handMadeLayer([
      { status: 'done', areaSquareMeters: 10_000, history: [{ date: '2023-05-01', status: 'done' }] },
      { status: 'done', areaSquareMeters: 20_000, history: [{ date: '2024-01-01', status: 'pending' }, { date: '2024-03-01', status: 'working' }, { date: '2024-06-01', status: 'done' }] },
      { status: 'pending', areaSquareMeters: 40_000, history: [{ date: '2024-06-01', status: 'done' }, { date: '2025-02-01', status: 'pending' }] },
    ]);
    const series = targetSeries(counted, layer, { planStart: '2024-01-01', today: '2025-06-30' });
    expect(series.steps).toEqual([
      { date: '2024-01-01', actual: 1 },
      { date: '2024-06-01', actual: 7 },
      { date: '2025-02-01', actual: 3 },
    ]);
    expect(series.endDate).toBe('2025-06-30');
    expect(seriesActualOn(series, '2024-05-31')).toBe(1);
    expect(seriesActualOn(series, '2024-06-01')).toBe(7);
  });

  it('gives a target whose features have no history their current status all along', () => {
    const layer = handMadeLayer([
      { status: 'done', areaSquareMeters: 30_000, history: [] },
      { status: 'working', areaSquareMeters: 50_000, history: [] },
    ]);
    const series = targetSeries(counted, layer, { planStart: '2024-01-01', today: '2025-06-30' });
    expect(series.steps).toEqual([{ date: '2024-01-01', actual: 3 }]);
    expect(series.endDate).toBe('2025-06-30');
  });

  it('takes the later entry on a tie and ignores unreadable dates, as statusCodesAsOf does', () => {
    const layer = handMadeLayer([
      { status: 'done', areaSquareMeters: 10_000, history: [{ date: '2024-05-01', status: 'done' }, { date: '2024-05-01', status: 'working' }, { date: 'soon', status: 'done' }] },
    ]);
    const series = targetSeries(counted, layer, { planStart: '2024-01-01', today: '2025-01-01' });
    expect(series.steps).toEqual([{ date: '2024-01-01', actual: 0 }]);
  });

  it('lowers a share when features enter the plan, as its denominator grows', () => {
    const share = extra('s', { metric: 'share', target: 100, countedStatuses: ['done'] });
    const layer = handMadeLayer([
      { status: 'done', history: [{ date: '2024-01-01', status: 'pending' }, { date: '2024-04-01', status: 'done' }] },
      { status: 'pending', history: [{ date: '2024-07-01', status: 'pending' }] },
      { status: 'pending', history: [{ date: '2024-07-01', status: 'pending' }, { date: '2024-09-01', status: 'done' }] },
    ]);
    const series = targetSeries(share, layer, { planStart: '2024-01-01', today: '2025-01-01' });
    expect(series.steps.map((step) => [step.date, Math.round(step.actual * 100) / 100])).toEqual([
      ['2024-01-01', 0],
      ['2024-04-01', 100],
      ['2024-07-01', 33.33],
      ['2024-09-01', 66.67],
    ]);
  });

  it('paces from zero at the plan start to the target at the deadline', () => {
    const series = targetSeries(counted, handMadeLayer([]), { planStart: '2024-01-01', today: '2025-01-01' });
    expect(series.steps).toEqual([{ date: '2024-01-01', actual: 0 }]);
    expect(seriesPaceOn(series, '2024-01-01')).toBe(0);
    expect(seriesPaceOn(series, '2026-01-01')).toBe(10);
    expect(seriesPaceOn(series, '2027-01-01')).toBe(10);
    expect(seriesPaceOn(series, '2025-01-01')).toBeCloseTo((10 * 366) / 731, 12);
  });
});
