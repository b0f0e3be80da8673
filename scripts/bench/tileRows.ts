import type { MetricRow } from './summarize';
import { median } from './statistics';
import { percentile, type TileBenchResult } from './runTiles';

const MB = 1e6;

/** Server rows have no browser baseline: ours is the figure, and the rows say what was asked. */
function row(size: number, metric: string, unit: MetricRow['unit'], ours: number): MetricRow {
  return { size, metric, unit, ours, baseline: Number.NaN, floor: Number.NaN, ratio: null, goal: null };
}

export function tileRows(result: TileBenchResult): MetricRow[] {
  const tiles = result.coldMs.length;
  return [
    row(result.size, `tile latency p50, cold (${tiles} tiles z11–z16; server cache empty, PostgreSQL restarted)`, 'ms', percentile(result.coldMs, 50)),
    row(result.size, 'tile latency p99, cold', 'ms', percentile(result.coldMs, 99)),
    row(result.size, 'tile latency p50, warm (server cache)', 'ms', percentile(result.warmMs, 50)),
    row(result.size, 'tile latency p99, warm', 'ms', percentile(result.warmMs, 99)),
    row(result.size, `tile size, median (largest ${(Math.max(...result.tileBytes) / MB).toFixed(2)} MB; ${result.truncatedTiles} of ${tiles} at the feature budget)`, 'MB', median(result.tileBytes) / MB),
    row(result.size, 'statistics from the database (by status and sub-district), first ask', 'ms', result.statsMs.today),
    row(result.size, 'statistics on a past day (timeline), first ask', 'ms', result.statsMs.pastDay),
    row(result.size, 'statistics asked again (cached per revision and day; a filter click asks nothing)', 'ms', result.statsMs.again),
    row(result.size, `statistics on a timeline step, p50 (${result.timelineMs.length} month ends, each first asked; largest ${Math.max(...result.timelineMs).toFixed(1)} ms)`, 'ms', percentile(result.timelineMs, 50)),
    ...(result.generatedSeconds === null ? [] : [row(result.size, 'parcels generated in the database (scripts/bench/generateParcels.ts)', 'ms', result.generatedSeconds * 1000)]),
  ];
}
