import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { projectDirectory, startPlanMapServer, type RunningServer } from './startPlanMapServer';

export interface EditedDistrictSession {
  server: RunningServer;
  browser: Browser;
  /** The temporary copy of geodata/ the server reads. */
  geodataDirectory: string;
}

/**
 * For a test file: a temporary copy of the bundled geodata, changed by `edit` before the real
 * server starts on it, and one Chromium; all closed and removed after the file's tests.
 */
export function editedDistrictSession(name: string, edit: (geodataDirectory: string) => void = () => undefined): EditedDistrictSession {
  const session: Partial<EditedDistrictSession> = {};
  beforeAll(async () => {
    const geodataDirectory = mkdtempSync(join(tmpdir(), `plan-map-${name}-`));
    session.geodataDirectory = geodataDirectory;
    cpSync(resolve(projectDirectory, 'geodata'), geodataDirectory, { recursive: true });
    edit(geodataDirectory);
    [session.server, session.browser] = await Promise.all([startPlanMapServer(geodataDirectory), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (session.geodataDirectory) rmSync(session.geodataDirectory, { recursive: true, force: true });
  });
  const field = <Key extends keyof EditedDistrictSession>(key: Key): EditedDistrictSession[Key] => {
    const value = session[key];
    if (value === undefined) throw new Error(`the session's ${key} is used before beforeAll ran`);
    return value as EditedDistrictSession[Key];
  };
  return {
    get server() { return field('server'); },
    get browser() { return field('browser'); },
    get geodataDirectory() { return field('geodataDirectory'); },
  };
}
