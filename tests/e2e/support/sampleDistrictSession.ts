import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { startPlanMapServer, type RunningServer } from './startPlanMapServer';
import { readSampleDistrict, type SampleDistrict } from './geodataExpectations';

export interface SampleDistrictSession {
  server: RunningServer;
  browser: Browser;
  /** The bundled geodata, measured by the domain code, for expected values. */
  district: SampleDistrict;
}

/**
 * For a test file: the real server on the bundled geodata, one Chromium, and the data read from
 * disk, started before the file's tests and closed after them. Read its fields inside tests.
 */
export function sampleDistrictSession(): SampleDistrictSession {
  const session: Partial<SampleDistrictSession> = {};
  beforeAll(async () => {
    [session.server, session.browser, session.district] = await Promise.all([startPlanMapServer(), launchChromium(), readSampleDistrict()]);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  const field = <Key extends keyof SampleDistrictSession>(key: Key): SampleDistrictSession[Key] => {
    const value = session[key];
    if (value === undefined) throw new Error(`the session's ${key} is used before beforeAll ran`);
    return value as SampleDistrictSession[Key];
  };
  return {
    get server() { return field('server'); },
    get browser() { return field('browser'); },
    get district() { return field('district'); },
  };
}
