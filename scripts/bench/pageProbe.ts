/**
 * What the harness installs in every measured page before its scripts run. Both contenders are
 * observed only through the public surface: the `plan-map:*` performance marks, `window.planMap`
 * (the MapLibre map) and the DOM. Functions here run in the page: they must be self-contained.
 */

export const FIRST_FULL_RENDER_MARK = 'plan-map:first-full-render';
export const GEODATA_READY_MARK = 'plan-map:geodata-ready';
/** The app's mark once every layer's features are on the page too (after the map is drawn). */
export const FEATURES_READY_MARK = 'plan-map:features-ready';
/** The app's measure around each layer its page receives from the load worker. */
export const LAYER_RECEIVED_MEASURE = 'plan-map:layer-received';

/** What the probe records, in ms since navigation start (performance.now()). */
export interface ProbeRecord {
  /** Mark name → time the mark was set; for first-full-render, after the GPU finished. */
  marks: Record<string, number>;
}

/** Page-side types of the globals the probe reads. */
export interface ProbeWindow {
  __benchProbe?: ProbeRecord;
  planMap?: { getCanvas(): HTMLCanvasElement };
}

/**
 * Wraps performance.mark so that the first-full-render mark is timed after the GPU finished the
 * frame: reading one pixel back waits for every queued GL command (SwiftShader runs in the GPU
 * process; without this the time is when commands were queued, not drawn).
 */
export function installProbe(marks: { firstFullRender: string; geodataReady: string }): void {
  const probeWindow = window as unknown as ProbeWindow;
  const record: ProbeRecord = { marks: {} };
  probeWindow.__benchProbe = record;
  const originalMark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = originalMark(name, options);
    if (name === marks.firstFullRender) {
      const canvas = probeWindow.planMap?.getCanvas();
      const gl = canvas?.getContext('webgl2') ?? null;
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    }
    if (name === marks.firstFullRender || name === marks.geodataReady) record.marks[name] = performance.now();
    return entry;
  };
}

export const PROBE_ARGUMENT = { firstFullRender: FIRST_FULL_RENDER_MARK, geodataReady: GEODATA_READY_MARK };
