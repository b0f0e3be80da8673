import { measureLoad, type LoadMetrics } from './measureLoad';
import { measureFilterToggle, measurePanFrame, type FilterMetrics, type FilterTarget } from './measureInteraction';
import { openSession } from './pageSession';
import { jsonParseTimes } from './pageActions';
import { median } from './statistics';
import { FEATURES_READY_MARK } from './pageProbe';
import { log } from './log';
import type { City } from './generateCity';

export type ContenderId = 'ours' | 'baseline';

export interface Contenders {
  /** The app on the real server, e.g. `http://127.0.0.1:1234/`. */
  appUrl: string;
  /** The baseline page, e.g. `http://127.0.0.1:5678/baseline/?w=751&h=712`. */
  baselineUrl: string;
}

export interface RepetitionResult {
  load: LoadMetrics;
  filter: FilterMetrics;
  panFrameMs: number;
  errors: string[];
}

export interface SizeResult {
  size: number;
  layerBytes: number;
  repetitions: number;
  ours: RepetitionResult[];
  baseline: RepetitionResult[];
  floors: {
    /** JSON.parse of every layer file's text in the same Chromium, per repeat. */
    jsonParseMs: number[];
    /** The app with every plan layer hidden: the basemap-only scene. */
    emptySceneFirstFullRenderMs: number;
    emptyScenePanFrameMs: number;
    /** Process-tree PSS of an empty MapLibre map on the same basemap (the baseline page with ?empty). */
    emptyMapPssBytes: number;
  };
  /** The app's pan frame with the roads layer hidden: do roads dominate the frame? */
  oursWithoutRoadsPanFrameMs: number;
  filterTarget: FilterTarget;
}

function withParams(url: string, params: Record<string, string>): string {
  const next = new URL(url);
  for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
  return next.href;
}

/** One repetition of one contender, in a fresh browser. */
async function runRepetition(url: string, city: City, target: FilterTarget, timeoutMs: number, loadedMark?: string): Promise<RepetitionResult> {
  const session = await openSession();
  try {
    const load = await measureLoad(session, url, city.layerIds, timeoutMs, loadedMark);
    const filter = await measureFilterToggle(session, target, timeoutMs);
    const panFrameMs = await measurePanFrame(session, timeoutMs);
    return { load, filter, panFrameMs, errors: [...session.errors] };
  } finally {
    await session.close();
  }
}

/** The app with `hide` applied: first full render and pan frame only (plus the JSON.parse floor when asked). */
async function runScene(url: string, city: City, timeoutMs: number, parseRepeats: number, loadedMark?: string): Promise<{ load: LoadMetrics; panFrameMs: number; jsonParseMs: number[] }> {
  const session = await openSession();
  try {
    const load = await measureLoad(session, url, city.layerIds, timeoutMs, loadedMark);
    const panFrameMs = await measurePanFrame(session, timeoutMs);
    const urls = city.layerIds.map((id) => new URL(`geodata/${id}.geojson`, url).href);
    const jsonParseMs = parseRepeats > 0 ? await session.page.evaluate(jsonParseTimes, { urls, repeats: parseRepeats }) : [];
    return { load, panFrameMs, jsonParseMs };
  } finally {
    await session.close();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Repetitions interleaved A B A B, then the floors, all on the same city in the same run. */
export async function runSize(city: City, contenders: Contenders, target: FilterTarget, repetitions: number, timeoutMs: number): Promise<SizeResult> {
  const ours: RepetitionResult[] = [];
  const baseline: RepetitionResult[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const [id, url, results, loadedMark] of [['ours', contenders.appUrl, ours, FEATURES_READY_MARK], ['baseline', contenders.baselineUrl, baseline, undefined]] as const) {
      log(`  ${city.size}: ${id}, repetition ${repetition + 1}/${repetitions}`);
      const result = await runRepetition(url, city, target, timeoutMs, loadedMark);
      log(`    first full render ${seconds(result.load.firstFullRenderMs)}, filter latency ${result.filter.latencyMs.map(seconds).join(' / ')}, pan frame ${result.panFrameMs.toFixed(1)} ms`);
      if (result.errors.length > 0) log(`    page errors: ${result.errors.slice(0, 3).join(' | ')}`);
      results.push(result);
    }
  }
  log(`  ${city.size}: floors (empty scene, JSON.parse) and the app without roads`);
  const empty = await runScene(withParams(contenders.appUrl, { hide: city.layerIds.join(',') }), city, timeoutMs, 5, FEATURES_READY_MARK);
  const withoutRoads = await runScene(withParams(contenders.appUrl, { hide: city.roadLayerIds.join(',') }), city, timeoutMs, 0, FEATURES_READY_MARK);
  const emptyMap = await runScene(withParams(contenders.baselineUrl, { empty: '' }), city, timeoutMs, 0);
  log(`    JSON.parse ${median(empty.jsonParseMs).toFixed(0)} ms, empty scene pan frame ${empty.panFrameMs.toFixed(1)} ms`);
  return {
    size: city.size,
    layerBytes: city.layerBytes,
    repetitions,
    ours,
    baseline,
    floors: {
      jsonParseMs: empty.jsonParseMs,
      emptySceneFirstFullRenderMs: empty.load.firstFullRenderMs,
      emptyScenePanFrameMs: empty.panFrameMs,
      emptyMapPssBytes: emptyMap.load.pssBytes,
    },
    oursWithoutRoadsPanFrameMs: withoutRoads.panFrameMs,
    filterTarget: target,
  };
}
