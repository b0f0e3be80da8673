/**
 * Page-side functions passed to page.evaluate. Each runs in the browser and must be
 * self-contained (no imports, no closures over Node values). Both contenders expose the
 * MapLibre map as `window.planMap`; nothing else of their internals is used.
 */

interface PageMap {
  getCanvas(): HTMLCanvasElement;
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
  panBy(offset: [number, number], options: { animate: boolean }): void;
  loaded(): boolean;
  isMoving(): boolean;
  triggerRepaint(): void;
}

export interface FrameLog {
  /** performance.now() of the click event, as the browser stamped it. */
  clickAt: number;
  /** Every frame MapLibre finished after the click: when (after the GPU finished) and a hash of its pixels. */
  frames: { at: number; hash: number }[];
}

interface FrameWindow {
  planMap: PageMap;
  __benchFrames?: FrameLog;
  __benchStopFrames?: () => void;
}

/**
 * Starts logging frames: on each MapLibre 'render' event the whole canvas is read back (which
 * also waits for the GPU) and hashed, so the harness can tell which frame first showed the
 * final picture. Also stamps the next click on the document, in the capture phase.
 */
export function startFrameLog(): void {
  const frameWindow = window as unknown as FrameWindow;
  const map = frameWindow.planMap;
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2');
  const log: FrameLog = { clickAt: Number.NaN, frames: [] };
  frameWindow.__benchFrames = log;
  let pixels = new Uint8Array(0);
  const onRender = () => {
    if (!gl) return;
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    if (pixels.length !== width * height * 4) pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    const at = performance.now();
    // FNV-1a over 32-bit words: cheap next to the readback itself.
    const words = new Uint32Array(pixels.buffer);
    let hash = 0x811c9dc5;
    for (let index = 0; index < words.length; index++) hash = Math.imul(hash ^ (words[index] ?? 0), 0x01000193);
    log.frames.push({ at, hash: hash >>> 0 });
  };
  const onClick = (event: Event) => {
    if (Number.isNaN(log.clickAt)) log.clickAt = event.timeStamp;
  };
  document.addEventListener('click', onClick, { capture: true });
  map.on('render', onRender);
  frameWindow.__benchStopFrames = () => {
    map.off('render', onRender);
    document.removeEventListener('click', onClick, { capture: true });
  };
}

export function stopFrameLog(): FrameLog {
  const frameWindow = window as unknown as FrameWindow;
  frameWindow.__benchStopFrames?.();
  return frameWindow.__benchFrames ?? { clickAt: Number.NaN, frames: [] };
}

/**
 * Whether the map has loaded everything and stands still, for how long it drew nothing, and
 * whether it drew a frame since the last click (a click handler may take a while to schedule one).
 */
export function mapQuietness(): { settled: boolean; quietForMs: number; drewSinceClick: boolean } {
  const frameWindow = window as unknown as FrameWindow & { __benchLastRender?: number; __benchLastClick?: number };
  const map = frameWindow.planMap;
  if (frameWindow.__benchLastRender === undefined) {
    frameWindow.__benchLastRender = performance.now();
    frameWindow.__benchLastClick = Number.NEGATIVE_INFINITY;
    map.on('render', () => { frameWindow.__benchLastRender = performance.now(); });
    document.addEventListener('click', (event) => { frameWindow.__benchLastClick = event.timeStamp; }, { capture: true });
  }
  return {
    settled: map.loaded() && !map.isMoving(),
    quietForMs: performance.now() - frameWindow.__benchLastRender,
    drewSinceClick: frameWindow.__benchLastRender > (frameWindow.__benchLastClick ?? Number.NEGATIVE_INFINITY),
  };
}

/**
 * A scripted pan: `frames` animation frames, each moving the map by `stepPixels` (east for the
 * first half, back west for the second, so the view stays on the data), timing rAF to rAF.
 * Chromium only runs the next rAF once the previous frame was presented, so with software GL
 * the deltas include the GPU's work. The first delta (warm-up) is dropped.
 */
export function panFrameTimes(args: { frames: number; stepPixels: number }): Promise<{ elapsedMs: number; renders: number }> {
  const map = (window as unknown as FrameWindow).planMap;
  return new Promise((resolve) => {
    const stamps: number[] = [];
    let renders = 0;
    const countRender = () => { renders++; };
    const step = (now: number) => {
      stamps.push(now);
      // The first step only starts the clock: what it follows is not part of the pan.
      if (stamps.length === 2) renders = 0;
      if (stamps.length > args.frames) {
        const gl = map.getCanvas().getContext('webgl2');
        gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        map.off('render', countRender);
        resolve({ elapsedMs: performance.now() - (stamps[1] ?? now), renders });
        return;
      }
      const direction = stamps.length <= args.frames / 2 ? 1 : -1;
      map.panBy([direction * args.stepPixels, 0], { animate: false });
      requestAnimationFrame(step);
    };
    map.on('render', countRender);
    requestAnimationFrame(step);
  });
}

/** JSON.parse floor: fetch each layer's text first, then time only the parse, best of `repeats`. */
export async function jsonParseTimes(args: { urls: string[]; repeats: number }): Promise<number[]> {
  const texts = await Promise.all(args.urls.map((url) => fetch(url).then((response) => response.text())));
  const times: number[] = [];
  for (let repeat = 0; repeat < args.repeats; repeat++) {
    const started = performance.now();
    let features = 0;
    for (const text of texts) features += (JSON.parse(text) as { features: unknown[] }).features.length;
    times.push(performance.now() - started);
    if (features === 0) times.push(Number.NaN);
  }
  return times;
}

/** The `startTime` of a performance mark, to line page time up with the trace clock. */
export function markStartTime(name: string): number {
  return performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
}
