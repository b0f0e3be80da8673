/**
 * Reads a Chromium trace (Playwright's browser.startTracing, categories TRACE_CATEGORIES) for the
 * renderer main thread's work: top-level tasks, user-timing marks, layer-file responses and
 * click dispatches. Times stay in the trace clock (microseconds).
 */

/** The scheduler's top-level task event: every main-thread task, in the cheap `toplevel` category. */
const TOP_LEVEL_TASK = 'ThreadControllerImpl::RunTask';

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string; data?: { url?: string; type?: string; requestId?: string } };
}

export interface Interval {
  start: number;
  end: number;
}

export interface MainThreadTrace {
  /** Top-level tasks of the page's renderer main thread. */
  tasks: Interval[];
  /** First occurrence of each user-timing mark. */
  marks: Map<string, number>;
  /** Start of every occurrence of each user-timing measure (async 'b' events) on the page. */
  measureStarts: Map<string, number[]>;
  /** Response times of requests whose URL matched `isLayerUrl` (any thread: MapLibre fetches in its worker). */
  layerResponses: number[];
  /** Click dispatches on the main thread, with the top-level task that ran each one. */
  clicks: { at: number; dispatchMicroseconds: number; task: Interval | null }[];
}

/** Disjoint, sorted intervals: a nested run loop reports a task inside a task, counted once. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function eventsOf(trace: unknown): TraceEvent[] {
  if (Array.isArray(trace)) return trace as TraceEvent[];
  const events = (trace as { traceEvents?: TraceEvent[] }).traceEvents;
  return Array.isArray(events) ? events : [];
}

/**
 * The renderer main thread is the CrRendererMain of the process that set `anchorMark`, or,
 * without one, the CrRendererMain that ran the most top-level work (the measured page).
 */
export function analyzeTrace(traceText: string, isLayerUrl: (url: string) => boolean, anchorMark?: string): MainThreadTrace {
  const events = eventsOf(JSON.parse(traceText));
  const mainThreads = new Set(events
    .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .map((event) => `${event.pid}:${event.tid}`));
  const taskEvents = events.filter((event) => event.ph === 'X' && event.name === TOP_LEVEL_TASK && (event.cat ?? '').includes('toplevel') && mainThreads.has(`${event.pid}:${event.tid}`));
  const anchor = anchorMark ? events.find((event) => event.name === anchorMark) : undefined;
  let thread = anchor ? `${anchor.pid}:${anchor.tid}` : '';
  if (!mainThreads.has(thread)) {
    const busy = new Map<string, number>();
    for (const event of taskEvents) busy.set(`${event.pid}:${event.tid}`, (busy.get(`${event.pid}:${event.tid}`) ?? 0) + (event.dur ?? 0));
    thread = [...busy.entries()].sort((left, right) => right[1] - left[1])[0]?.[0] ?? '';
  }
  const onThread = (event: TraceEvent) => `${event.pid}:${event.tid}` === thread;
  const tasks = mergeIntervals(taskEvents.filter(onThread).map((event) => ({ start: event.ts, end: event.ts + (event.dur ?? 0) })));
  const marks = new Map<string, number>();
  for (const event of events) {
    if ((event.cat ?? '').includes('blink.user_timing') && !marks.has(event.name) && (event.pid === anchor?.pid || !anchor)) marks.set(event.name, event.ts);
  }
  const measureStarts = new Map<string, number[]>();
  for (const event of events) {
    if (!(event.cat ?? '').includes('blink.user_timing') || event.ph !== 'b' || (anchor && event.pid !== anchor.pid)) continue;
    measureStarts.set(event.name, [...(measureStarts.get(event.name) ?? []), event.ts]);
  }
  // Responses carry only a request id; the URL is on the request.
  const layerRequests = new Set(events
    .filter((event) => event.name === 'ResourceSendRequest' && isLayerUrl(event.args?.data?.url ?? ''))
    .map((event) => event.args?.data?.requestId));
  const layerResponses = events
    .filter((event) => event.name === 'ResourceReceiveResponse' && layerRequests.has(event.args?.data?.requestId))
    .map((event) => event.ts).sort((a, b) => a - b);
  const clicks = events
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click' && onThread(event))
    .map((event) => ({ at: event.ts, dispatchMicroseconds: event.dur ?? Number.NaN, task: tasks.find((task) => task.start <= event.ts && event.ts <= task.end) ?? null }))
    .sort((a, b) => a.at - b.at);
  return { tasks, marks, measureStarts, layerResponses, clicks };
}
