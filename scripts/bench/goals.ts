import type { MetricRow } from './summarize';

/** A goal of the benchmark (docs/benchmark.md) applied to one row: its text and whether this run met it. */
export interface GoalCheck {
  text: string;
  /** The measured quantity the goal bounds (a ratio, or ms for absolute goals). */
  value: number;
  pass: boolean;
}

/** The ratio goals are for a city's worth of features: from 75k on (250k must stay within them too). */
const RATIO_GOAL_MIN_SIZE = 75000;

function check(text: string, value: number, pass: (value: number) => boolean): GoalCheck {
  return { text, value, pass: Number.isFinite(value) && pass(value) };
}

function rowNamed(rows: readonly MetricRow[], metric: string): MetricRow | undefined {
  return rows.find((row) => row.metric === metric);
}

/**
 * The goal that applies to `row`, if any. `rows` are the other rows of the same size (for goals
 * stated against another metric: latency ≤ one pan frame, roads' share of the frame).
 */
export function goalFor(row: MetricRow, rows: readonly MetricRow[]): GoalCheck | null {
  const largeEnough = row.size !== null && row.size >= RATIO_GOAL_MIN_SIZE;
  switch (row.metric) {
    case 'first full render':
      return largeEnough ? check('≤ 0.25 × baseline', row.ratio?.median ?? Number.NaN, (value) => value <= 0.25) : null;
    case 'main thread: layer bytes → renderable data':
      return largeEnough ? check('≤ 0.15 × JSON.parse', row.ours / row.floor, (value) => value <= 0.15) : null;
    case 'filter toggle: click dispatch':
      return check('≤ 2 ms', row.ours, (value) => value <= 2);
    case 'filter toggle: click → pixels': {
      const pan = rowNamed(rows, 'pan frame')?.ours ?? Number.NaN;
      return check('≤ 1 pan frame', row.ours / pan, (value) => value <= 1);
    }
    case 'pan frame':
      return check('≤ 1 × baseline', row.ratio?.median ?? Number.NaN, (value) => value <= 1);
    case 'pan frame, ours without roads': {
      // Roads' share of what the plan layers add to an empty frame: under half means they do not dominate.
      const pan = rowNamed(rows, 'pan frame')?.ours ?? Number.NaN;
      return check('roads < 0.5 of the plan layers\' frame cost', (pan - row.ours) / (pan - row.floor), (value) => value < 0.5);
    }
    case 'process tree PSS':
      return check('≤ 0.4 × baseline', row.ratio?.median ?? Number.NaN, (value) => value <= 0.4);
    default:
      break;
  }
  if (row.metric.startsWith('area: polygons per second')) {
    const vsGeographicLib = row.ours / row.floor;
    const vsTurfTime = row.baseline / row.ours;
    return { text: '≥ 30 × GeographicLib speed, ≤ 2.5 × turf.area time', value: vsGeographicLib, pass: vsGeographicLib >= 30 && vsTurfTime <= 2.5 };
  }
  if (row.metric.startsWith('area: max relative error')) return check('≤ 1e-6', row.ours, (value) => value <= 1e-6);
  return null;
}
