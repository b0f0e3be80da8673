/**
 * The point-layer rows of `npm run bench`: one point layer of `size` points (generatePointCity.ts)
 * in the app against plain MapLibre's circle layer on the same GeoJSON, interleaved, each
 * repetition in a fresh browser. Both pan at the overview the pages open on (the app draws
 * clusters there, MapLibre every point) and at zoom 15 (both draw every point in view).
 */
import { measureLoad } from './measureLoad';
import { measureFilterToggle, measurePanFrame, type FilterTarget } from './measureInteraction';
import { openSession, waitUntilSettled, type PageSession } from './pageSession';
import { FEATURES_READY_MARK } from './pageProbe';
import { median, ratioSummary } from './statistics';
import { log } from './log';
import type { City } from './generateCity';
import type { Contenders } from './runSize';
import type { MetricRow } from './summarize';

/** Close enough that every point is drawn on its own in the app (POINT_DETAIL_MIN_ZOOM is 14). */
export const POINTS_DETAIL_ZOOM = 15;

export interface PointRepetition {
  firstFullRenderMs: number;
  filterLatencyMs: number[];
  panFrameOverviewMs: number;
  panFrameDetailMs: number;
  errors: string[];
}

export interface PointsResult {
  size: number;
  repetitions: number;
  ours: PointRepetition[];
  baseline: PointRepetition[];
}

async function zoomIn(session: PageSession, timeoutMs: number): Promise<void> {
  await session.page.evaluate((zoom) => {
    const map = (window as unknown as { planMap: { jumpTo(options: { zoom: number }): void } }).planMap;
    map.jumpTo({ zoom });
  }, POINTS_DETAIL_ZOOM);
  await waitUntilSettled(session.page, timeoutMs);
}

async function runRepetition(url: string, city: City, target: FilterTarget, timeoutMs: number, loadedMark?: string): Promise<PointRepetition> {
  const session = await openSession();
  try {
    const load = await measureLoad(session, url, city.layerIds, timeoutMs, loadedMark);
    const filter = await measureFilterToggle(session, target, timeoutMs);
    const panFrameOverviewMs = await measurePanFrame(session, timeoutMs);
    await zoomIn(session, timeoutMs);
    const panFrameDetailMs = await measurePanFrame(session, timeoutMs);
    return { firstFullRenderMs: load.firstFullRenderMs, filterLatencyMs: filter.latencyMs, panFrameOverviewMs, panFrameDetailMs, errors: [...session.errors] };
  } finally {
    await session.close();
  }
}

export async function runPoints(city: City, contenders: Contenders, target: FilterTarget, repetitions: number, timeoutMs: number): Promise<PointsResult> {
  const ours: PointRepetition[] = [];
  const baseline: PointRepetition[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const [id, url, results, loadedMark] of [['ours', contenders.appUrl, ours, FEATURES_READY_MARK], ['baseline', contenders.baselineUrl, baseline, undefined]] as const) {
      log(`  ${city.size} points: ${id}, repetition ${repetition + 1}/${repetitions}`);
      const result = await runRepetition(url, city, target, timeoutMs, loadedMark);
      log(`    first full render ${(result.firstFullRenderMs / 1000).toFixed(2)} s, pan frame ${result.panFrameOverviewMs.toFixed(1)} ms (overview), ${result.panFrameDetailMs.toFixed(1)} ms (zoom ${POINTS_DETAIL_ZOOM})`);
      if (result.errors.length > 0) log(`    page errors: ${result.errors.slice(0, 3).join(' | ')}`);
      results.push(result);
    }
  }
  return { size: city.size, repetitions, ours, baseline };
}

/** The report's point rows: ours against MapLibre's circle layer, medians and the ratio of medians. */
export function pointRows(result: PointsResult): MetricRow[] {
  const row = (metric: string, read: (repetition: PointRepetition) => number): MetricRow => {
    const ours = result.ours.map(read);
    const baseline = result.baseline.map(read);
    return { size: result.size, metric, unit: 'ms', ours: median(ours), baseline: median(baseline), floor: Number.NaN, ratio: ratioSummary(ours, baseline), goal: null };
  };
  return [
    row('points: first full render (baseline = MapLibre circle layer)', (repetition) => repetition.firstFullRenderMs),
    row('points: filter toggle, click → pixels', (repetition) => median(repetition.filterLatencyMs)),
    row('points: pan frame at the overview (ours: clusters)', (repetition) => repetition.panFrameOverviewMs),
    row(`points: pan frame at zoom ${POINTS_DETAIL_ZOOM} (every point in view)`, (repetition) => repetition.panFrameDetailMs),
  ];
}
