import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from './chromium';
import { installProbe, PROBE_ARGUMENT, type ProbeWindow } from './pageProbe';
import { markStartTime, mapQuietness } from './pageActions';
import { TRACE_CATEGORIES } from './traceAnalysis';

/** One measured page in its own fresh browser. */
export interface PageSession {
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions: a broken contender must not pass as fast. */
  errors: string[];
  close: () => Promise<void>;
}

export async function openSession(): Promise<PageSession> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`); });
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; page functions need it too.
  await page.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
  await page.addInitScript(installProbe, PROBE_ARGUMENT);
  return { browser, page, errors, close: () => browser.close() };
}

export async function startTrace(session: PageSession): Promise<void> {
  await session.browser.startTracing(session.page, { categories: TRACE_CATEGORIES });
}

export async function stopTrace(session: PageSession): Promise<string> {
  return (await session.browser.stopTracing()).toString('utf8');
}

/** Waits for the first-full-render mark (timed by the probe after the GPU finished). */
export async function waitForFirstFullRender(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (mark) => (window as unknown as ProbeWindow).__benchProbe?.marks[mark] !== undefined,
    PROBE_ARGUMENT.firstFullRender,
    { timeout: timeoutMs, polling: 50 },
  );
}

export interface ProbeTimes {
  firstFullRenderMs: number;
  geodataReadyMs: number;
  /** startTime of the first-full-render mark itself (before the GPU finish), to anchor the trace. */
  firstFullRenderMarkMs: number;
}

export async function probeTimes(page: Page): Promise<ProbeTimes> {
  const marks = await page.evaluate(() => (window as unknown as ProbeWindow).__benchProbe?.marks ?? {});
  return {
    firstFullRenderMs: marks[PROBE_ARGUMENT.firstFullRender] ?? Number.NaN,
    geodataReadyMs: marks[PROBE_ARGUMENT.geodataReady] ?? Number.NaN,
    firstFullRenderMarkMs: await page.evaluate(markStartTime, PROBE_ARGUMENT.firstFullRender),
  };
}

/**
 * Until the map has loaded everything, stands still, drew a frame since the last click (if any)
 * and then drew nothing for `quietMs`. Call it once before a click so that it starts listening.
 */
export async function waitUntilSettled(page: Page, timeoutMs: number, quietMs = 400): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(mapQuietness);
    if (state.settled && state.drewSinceClick && state.quietForMs >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the map did not settle within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}
