import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { MAP_FOR_TESTS_FLAG } from '../../src/ui/exposeMapForTests';

/** Exactly these flags: WebGL2 through SwiftShader, headless, no network chatter (docs/stack-notes.md, Headless Chromium). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH.`);
  return path;
}

/**
 * A fresh browser per measured page load: no shared cache, GPU process or heap between contenders.
 * Every page it opens asks the app for `window.planMap`, the MapLibre map that the browser tests
 * and the benchmark read (src/ui/exposeMapForTests.ts); `browser.newPage()` makes its context
 * through `newContext`, so both are covered.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(`window.${MAP_FOR_TESTS_FLAG} = true;`);
    return context;
  };
  return browser;
}

/** The viewport of every measured page: a common laptop screen. */
export const VIEWPORT = { width: 1366, height: 768 };
