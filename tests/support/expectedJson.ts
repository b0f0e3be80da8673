/**
 * Expected-output files beside test fixtures (`*.expected.json`). A missing file fails the test
 * like a different one does; only an explicit run with `UPDATE_EXPECTED=1` writes them, and the
 * diff is then reviewed before it is committed (README, "Development").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectRoot } from './runCli';

export const UPDATING_EXPECTED = process.env.UPDATE_EXPECTED === '1';

/** The expected value stored at `path`; when updating, `actual` is written there first. */
export function expectedJson<T>(path: string, actual: T, update = UPDATING_EXPECTED): T {
  if (update) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  if (!existsSync(path)) {
    throw new Error(`${relative(projectRoot, path)} is missing: write it with UPDATE_EXPECTED=1 npx vitest run <this test file>, and review it before committing`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
