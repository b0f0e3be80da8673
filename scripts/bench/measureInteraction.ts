import type { PageSession } from './pageSession';
import { startTrace, stopTrace, waitUntilSettled } from './pageSession';
import { panFrameTimes, startFrameLog, stopFrameLog } from './pageActions';
import { analyzeTrace, type Interval } from './traceAnalysis';
import { overlapSum } from './statistics';

export interface FilterTarget {
  layerId: string;
  statusId: string;
}

export interface FilterMetrics {
  /** Per click (on, off): duration of the main-thread task that dispatched the click. */
  clickTaskMs: number[];
  /** Per click: duration of the click event's dispatch (its listeners), without the rest of the input task. */
  clickDispatchMs: number[];
  /** Per click: main-thread busy time from the click until the map settled again. */
  mainThreadUntilSettledMs: number[];
  /** Per click: click → first frame showing the final picture, GPU finished. */
  latencyMs: number[];
}

const PAN_FRAMES = 8;

function legendRow(target: FilterTarget): string {
  return `.layer-card[data-layer-id="${target.layerId}"] button.legend-row[data-status-id="${target.statusId}"]`;
}

/** Click → the first logged frame whose pixels equal the settled frame's. */
function latencyOf(log: { clickAt: number; frames: { at: number; hash: number }[] }): number {
  const final = log.frames[log.frames.length - 1];
  if (!final || !Number.isFinite(log.clickAt)) return Number.NaN;
  const first = log.frames.find((frame) => frame.at >= log.clickAt && frame.hash === final.hash);
  return first ? first.at - log.clickAt : Number.NaN;
}

/**
 * Toggles one status filter on and off twice: first under a trace (main-thread time, no pixel
 * readback to disturb it), then with every frame read back (latency). The filter shows only the
 * chosen status of its layer, so most of that layer disappears: a change every frame hash sees.
 */
export async function measureFilterToggle(session: PageSession, target: FilterTarget, timeoutMs: number): Promise<FilterMetrics> {
  const { page } = session;
  const row = page.locator(legendRow(target));
  await waitUntilSettled(page, timeoutMs);
  await startTrace(session);
  const windows: Interval[] = [];
  for (let click = 0; click < 2; click++) {
    await row.click({ timeout: timeoutMs });
    await waitUntilSettled(page, timeoutMs);
  }
  const trace = analyzeTrace(await stopTrace(session), () => false);
  const clicks = trace.clicks.slice(-2);
  clicks.forEach((click, index) => windows.push({ start: click.at, end: clicks[index + 1]?.at ?? Number.POSITIVE_INFINITY }));
  const latencyMs: number[] = [];
  for (let click = 0; click < 2; click++) {
    await page.evaluate(startFrameLog);
    await row.click({ timeout: timeoutMs });
    await waitUntilSettled(page, timeoutMs);
    latencyMs.push(latencyOf(await page.evaluate(stopFrameLog)));
  }
  return {
    clickTaskMs: clicks.map((click) => (click.task ? (click.task.end - click.task.start) / 1000 : Number.NaN)),
    clickDispatchMs: clicks.map((click) => click.dispatchMicroseconds / 1000),
    mainThreadUntilSettledMs: windows.map((window) => overlapSum(trace.tasks, window.start, window.end) / 1000),
    latencyMs,
  };
}

/**
 * Time per drawn frame over a scripted pan of PAN_FRAMES animation frames, 40 px each: the pan's
 * elapsed time (GPU finished) over the number of frames MapLibre rendered. Not rAF-to-rAF: with
 * software GL the rAFs alternate between a full draw and an empty one (17 ms, 900 ms, 17 ms, …),
 * so a median picks either by chance and a mean halves the real cost of a picture. Few frames:
 * a software-GL frame of a large scene takes seconds.
 */
export async function measurePanFrame(session: PageSession, timeoutMs: number): Promise<number> {
  await waitUntilSettled(session.page, timeoutMs);
  const { elapsedMs, renders } = await session.page.evaluate(panFrameTimes, { frames: PAN_FRAMES, stepPixels: 40 });
  return renders > 0 ? elapsedMs / renders : Number.NaN;
}
