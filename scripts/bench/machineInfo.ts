import { cpus, totalmem } from 'node:os';
import type { Browser } from 'playwright-core';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  /** The WebGL renderer string: SwiftShader means software GL. */
  webglRenderer: string;
}

/** What the figures came from: absolute times only mean something next to this. */
export async function machineInfo(browser: Browser): Promise<MachineInfo> {
  const page = await browser.newPage();
  const webglRenderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  await page.close();
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: browser.version(),
    webglRenderer,
  };
}
