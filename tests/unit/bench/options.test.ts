import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../../scripts/bench/cliOptions';
import { goalFor } from '../../../scripts/bench/goals';
import type { MetricRow } from '../../../scripts/bench/summarize';

describe('benchmark options', () => {
  it('defaults to the three sizes of docs/benchmark.md (10k, 75k, 250k features), three repetitions', () => {
    const options = parseBenchOptions([]);
    expect(options.sizes).toEqual([10000, 75000, 250000]);
    expect(options.repetitions).toBe(3);
  });

  it('reads sizes, repetitions and --json; --quick is one repetition at 10k', () => {
    expect(parseBenchOptions(['--sizes', '10000,75000', '--reps', '5', '--json'])).toMatchObject({ sizes: [10000, 75000], repetitions: 5, json: true });
    expect(parseBenchOptions(['--quick'])).toMatchObject({ sizes: [10000], repetitions: 1 });
    expect(parseBenchOptions([]).points).toBe(100_000);
    expect(parseBenchOptions(['--points', '20000']).points).toBe(20_000);
    expect(parseBenchOptions(['--no-points']).points).toBe(0);
    expect(parseBenchOptions(['--only-points'])).toMatchObject({ sizes: [], skipRealDistrict: true, points: 100_000 });
  });

  it('runs the tile rows alone with --only-tiles (a million parcels unless --tile-sizes says otherwise), and not by default', () => {
    expect(parseBenchOptions([]).tileSizes).toEqual([]);
    expect(parseBenchOptions(['--only-tiles'])).toMatchObject({ onlyTiles: true, tileSizes: [1_000_000], sizes: [], points: 0, skipRealDistrict: true });
    expect(parseBenchOptions(['--only-tiles', '--tile-sizes', '1000000,5000000']).tileSizes).toEqual([1_000_000, 5_000_000]);
    expect(parseBenchOptions(['--tile-sizes', '100000'])).toMatchObject({ onlyTiles: false, tileSizes: [100_000] });
  });

  it('adds the tiled layer browser rows with --tile-browser (a million parcels unless --tile-sizes says otherwise)', () => {
    expect(parseBenchOptions(['--only-tiles']).tileBrowser).toBe(false);
    expect(parseBenchOptions(['--only-tiles', '--tile-browser'])).toMatchObject({ onlyTiles: true, tileBrowser: true, tileSizes: [1_000_000] });
    expect(parseBenchOptions(['--tile-browser', '--tile-sizes', '5000000'])).toMatchObject({ tileBrowser: true, tileSizes: [5_000_000] });
  });

  it('rejects unknown options and bad numbers', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option/);
    expect(() => parseBenchOptions(['--reps', '0'])).toThrow(/positive integer/);
  });
});

function row(metric: string, size: number, values: Partial<MetricRow>): MetricRow {
  return { size, metric, unit: 'ms', ours: Number.NaN, baseline: Number.NaN, floor: Number.NaN, ratio: null, goal: null, ...values };
}

describe('goal checks', () => {
  it('applies the first-full-render ratio goal from 75k features on', () => {
    const ratio = { median: 0.2, min: 0.1, max: 0.3, pairs: 3 };
    expect(goalFor(row('first full render', 10000, { ratio }), [])).toBeNull();
    expect(goalFor(row('first full render', 75000, { ratio }), [])?.pass).toBe(true);
  });

  it('compares filter latency with the pan frame of the same size', () => {
    const pan = row('pan frame', 75000, { ours: 100 });
    expect(goalFor(row('filter toggle: click → pixels', 75000, { ours: 150 }), [pan])?.pass).toBe(false);
    expect(goalFor(row('filter toggle: click → pixels', 75000, { ours: 90 }), [pan])?.pass).toBe(true);
  });

  it('holds the click dispatch, not the whole input task, to 2 ms', () => {
    expect(goalFor(row('filter toggle: click dispatch', 75000, { ours: 1.5 }), [])?.pass).toBe(true);
    expect(goalFor(row('filter toggle: click dispatch', 75000, { ours: 2.5 }), [])?.pass).toBe(false);
    expect(goalFor(row('filter toggle: click task', 75000, { ours: 1.5 }), [])).toBeNull();
  });

  it('fails a goal it cannot measure', () => {
    expect(goalFor(row('filter toggle: click dispatch', 10000, {}), [])?.pass).toBe(false);
  });
});
