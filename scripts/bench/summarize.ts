import type { SizeResult, RepetitionResult } from './runSize';
import type { AreaBenchResult } from './domainBench';
import type { RealDistrictResult } from './realDistrict';
import { median, ratioSummary, type RatioSummary } from './statistics';
import { goalFor, type GoalCheck } from './goals';

export type Unit = 'ms' | 'MB' | 'ratio' | 'per-s' | 'relative';

/** One line of the report: medians of each side, the floor, ours / baseline and the goal. */
export interface MetricRow {
  size: number | null;
  metric: string;
  unit: Unit;
  ours: number;
  baseline: number;
  floor: number;
  ratio: RatioSummary | null;
  goal: GoalCheck | null;
}

const MB = 1e6;

function pick(results: readonly RepetitionResult[], read: (result: RepetitionResult) => number[] | number): number[] {
  return results.map((result) => {
    const value = read(result);
    return Array.isArray(value) ? median(value) : value;
  });
}

/** Rows for one size; the goals read ours, the baseline and the floors of the same run. */
export function sizeRows(result: SizeResult): MetricRow[] {
  const rows: MetricRow[] = [];
  const add = (metric: string, unit: Unit, read: (result: RepetitionResult) => number[] | number, floor = Number.NaN, scale = 1) => {
    const ours = pick(result.ours, read).map((value) => value / scale);
    const baseline = pick(result.baseline, read).map((value) => value / scale);
    const row: MetricRow = { size: result.size, metric, unit, ours: median(ours), baseline: median(baseline), floor, ratio: ratioSummary(ours, baseline), goal: null };
    rows.push(row);
    return row;
  };
  const jsonParse = median(result.floors.jsonParseMs);
  add('first full render', 'ms', (r) => r.load.firstFullRenderMs, result.floors.emptySceneFirstFullRenderMs);
  add('main thread: navigation → first full render', 'ms', (r) => r.load.mainThreadToFirstFullRenderMs);
  add('main thread: layer bytes → renderable data, every task', 'ms', (r) => r.load.mainThreadBytesToReadyMs, jsonParse);
  add('main thread: layer bytes → renderable data', 'ms', (r) => r.load.mainThreadDataTasksMs, jsonParse);
  add('filter toggle: click task', 'ms', (r) => r.filter.clickTaskMs);
  add('filter toggle: click dispatch', 'ms', (r) => r.filter.clickDispatchMs);
  add('filter toggle: main thread until settled', 'ms', (r) => r.filter.mainThreadUntilSettledMs);
  add('filter toggle: click → pixels', 'ms', (r) => r.filter.latencyMs);
  add('pan frame', 'ms', (r) => r.panFrameMs, result.floors.emptyScenePanFrameMs);
  add('JS heap (main thread, after GC)', 'MB', (r) => r.load.jsHeapBytes, Number.NaN, MB);
  add('process tree RSS', 'MB', (r) => r.load.rssBytes, Number.NaN, MB);
  const emptyMapPss = result.floors.emptyMapPssBytes / MB;
  add('process tree PSS', 'MB', (r) => r.load.pssBytes, emptyMapPss, MB);
  // What the data costs: the same Chromium with an empty map on the same basemap already takes the floor.
  add('process tree PSS above an empty map', 'MB', (r) => r.load.pssBytes / MB - emptyMapPss);
  rows.push({
    size: result.size, metric: 'pan frame, ours without roads', unit: 'ms', ours: result.oursWithoutRoadsPanFrameMs,
    baseline: Number.NaN, floor: result.floors.emptyScenePanFrameMs, ratio: null, goal: null,
  });
  for (const row of rows) row.goal = goalFor(row, rows);
  return rows;
}

export function areaRows(area: AreaBenchResult): MetricRow[] {
  const rows: MetricRow[] = [
    { size: null, metric: 'area: polygons per second (baseline = turf.area, floor = GeographicLib)', unit: 'per-s', ours: area.oursPerSecond, baseline: area.turfPerSecond, floor: area.geographicLibPerSecond, ratio: null, goal: null },
    { size: null, metric: 'area: max relative error vs GeographicLib, 100 m² to 1000 km² (baseline = turf.area)', unit: 'relative', ours: area.maxRelativeError, baseline: area.turfMaxRelativeError, floor: Number.NaN, ratio: null, goal: null },
  ];
  for (const row of rows) row.goal = goalFor(row, rows);
  return rows;
}

export function realDistrictRows(real: RealDistrictResult): MetricRow[] {
  const ratio = ratioSummary(real.appFirstFullRenderMs, real.emptyMapFirstFullRenderMs);
  return [
    { size: null, metric: 'sample district: first full render (baseline = empty MapLibre map, same basemap)', unit: 'ms', ours: median(real.appFirstFullRenderMs), baseline: median(real.emptyMapFirstFullRenderMs), floor: Number.NaN, ratio, goal: null },
    { size: null, metric: `built bundle, gzipped (${real.bundle.files} files, ${(real.bundle.rawBytes / MB).toFixed(2)} MB raw)`, unit: 'MB', ours: real.bundle.gzipBytes / MB, baseline: Number.NaN, floor: Number.NaN, ratio: null, goal: null },
  ];
}
