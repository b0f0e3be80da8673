import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

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

/** A fresh browser per measured page load: no shared cache, GPU process or heap between contenders. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** The viewport of every measured page: a common laptop screen. */
export const VIEWPORT = { width: 1366, height: 768 };
