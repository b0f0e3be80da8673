import { launchChromium } from './launchChromium';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createPlanMapServer } from '../../../src/server/createPlanMapServer';
import { EDITOR, projectDirectory, writeTestAccounts } from '../../api/support/apiTestServer';

export { EDITOR };

export interface StaffServer {
  baseUrl: string;
  geodataDirectory: string;
  /** The server's state folder (accounts, audit log, kept versions). */
  stateDirectory: string;
  close(): Promise<void>;
}

/** The real server with its API, over a temporary copy of geodata/ (basemap included, so the map settles) and a state folder with an editor. */
export async function startStaffServer(edit: (geodataDirectory: string) => void = () => undefined): Promise<StaffServer> {
  const rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-staff-'));
  const geodataDirectory = join(rootDirectory, 'geodata');
  await cp(join(projectDirectory, 'geodata'), geodataDirectory, { recursive: true });
  edit(geodataDirectory);
  const stateDirectory = join(rootDirectory, 'state');
  await writeTestAccounts(stateDirectory, [{ ...EDITOR, role: 'editor' }]);
  const server = createPlanMapServer({ distDirectory: join(projectDirectory, 'dist'), geodataDirectory, stateDirectory, api: { watchDebounceMs: 50 } });
  await server.api?.ready;
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    geodataDirectory,
    stateDirectory,
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
      await rm(rootDirectory, { recursive: true, force: true });
    },
  };
}

/** Signs in through the top bar's dialog and waits until the edit bar is there. */
export async function signIn(page: Page, account = EDITOR): Promise<void> {
  await page.locator('button.sign-in').click();
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.locator('.login-dialog button[type="submit"]').click();
  await page.locator('.staff-user').waitFor();
  await page.locator('.edit-bar').waitFor();
}

export interface StaffSession {
  server: StaffServer;
  browser: Browser;
}

/** For a test file: a staff server (with an editor account) and one Chromium, opened before its tests and closed after; `edit` changes the geodata copy first. */
export function staffSession(edit?: (geodataDirectory: string) => void): StaffSession {
  const session: Partial<StaffSession> = {};
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startStaffServer(edit), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  const field = <Key extends keyof StaffSession>(key: Key): StaffSession[Key] => {
    const value = session[key];
    if (value === undefined) throw new Error(`the session's ${key} is used before beforeAll ran`);
    return value as StaffSession[Key];
  };
  return {
    get server() { return field('server'); },
    get browser() { return field('browser'); },
  };
}
