import type { PageSession } from './pageSession';
import { probeTimes, startTrace, stopTrace, waitForFirstFullRender } from './pageSession';
import { analyzeTrace, type MainThreadTrace } from './traceAnalysis';
import { overlapSum } from './statistics';
import { processTreeMemory } from './processMemory';
import { LAYER_RECEIVED_MEASURE, PROBE_ARGUMENT } from './pageProbe';

export interface LoadMetrics {
  /** Navigation start → first frame with every feature drawn, GPU finished. */
  firstFullRenderMs: number;
  /** Navigation start → the app's geodata-ready mark (NaN for a page without it). */
  geodataReadyMs: number;
  /** Main-thread busy time (sum of top-level tasks) from navigation to first full render. */
  mainThreadToFirstFullRenderMs: number;
  /**
   * Main-thread busy time from the first layer file's response to renderable data: the app's
   * geodata-ready mark, or first full render for a page without one (the baseline).
   */
  mainThreadBytesToReadyMs: number;
  /**
   * The data path's own main-thread tasks: those that received a layer from the app's load
   * worker (its plan-map:layer-received measures) and the one that marked geodata-ready, whole.
   * NaN for a page without such measures (the baseline).
   */
  mainThreadDataTasksMs: number;
  /** Main-thread V8 heap after a forced GC (workers not included). */
  jsHeapBytes: number;
  rssBytes: number;
  pssBytes: number;
}

function dataTasksMs(trace: MainThreadTrace, readyTs: number | undefined): number {
  const starts = trace.measureStarts.get(LAYER_RECEIVED_MEASURE) ?? [];
  if (starts.length === 0 || readyTs === undefined) return Number.NaN;
  const moments = [...starts, readyTs];
  return trace.tasks
    .filter((task) => moments.some((moment) => task.start <= moment && moment <= task.end))
    .reduce((sum, task) => sum + (task.end - task.start), 0) / 1000;
}

/** A layer file of a plan layer (or the app server's parts computed from it), not of the basemap. */
export function isLayerUrl(layerIds: readonly string[]): (url: string) => boolean {
  const names = new Set(layerIds.flatMap((id) => [`/geodata/${id}.geojson`, `/geodata/${id}.parts`]));
  return (url) => {
    try {
      return names.has(new URL(url).pathname);
    } catch {
      return false;
    }
  };
}

/**
 * Loads `url` in the session's fresh page under a trace, waits for the first full render,
 * then reads memory once the trace buffers are gone and, with `loadedMark`, once the page has
 * set that mark: memory is compared with everything loaded (the app fetches its features' text
 * after the first full render).
 */
export async function measureLoad(session: PageSession, url: string, layerIds: readonly string[], timeoutMs: number, loadedMark?: string): Promise<LoadMetrics> {
  const { page } = session;
  await startTrace(session);
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await waitForFirstFullRender(page, timeoutMs);
  const times = await probeTimes(page);
  const trace = analyzeTrace(await stopTrace(session), isLayerUrl(layerIds), PROBE_ARGUMENT.firstFullRender);
  const firstFullRenderTs = trace.marks.get(PROBE_ARGUMENT.firstFullRender) ?? Number.NaN;
  // Page time 0 (navigation start) in the trace clock, from a mark seen by both.
  const originTs = firstFullRenderTs - times.firstFullRenderMarkMs * 1000;
  const readyTs = trace.marks.get(PROBE_ARGUMENT.geodataReady) ?? originTs + times.firstFullRenderMs * 1000;
  const bytesTs = trace.layerResponses[0] ?? Number.NaN;
  if (loadedMark) await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, loadedMark, { timeout: timeoutMs, polling: 50 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const memory = processTreeMemory();
  return {
    firstFullRenderMs: times.firstFullRenderMs,
    geodataReadyMs: times.geodataReadyMs,
    mainThreadToFirstFullRenderMs: overlapSum(trace.tasks, originTs, originTs + times.firstFullRenderMs * 1000) / 1000,
    mainThreadBytesToReadyMs: Number.isFinite(bytesTs) ? overlapSum(trace.tasks, bytesTs, readyTs) / 1000 : Number.NaN,
    mainThreadDataTasksMs: dataTasksMs(trace, trace.marks.get(PROBE_ARGUMENT.geodataReady)),
    jsHeapBytes: heap.usedSize,
    rssBytes: memory.rssBytes,
    pssBytes: memory.pssBytes,
  };
}
