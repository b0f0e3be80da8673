import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/launchChromium';
import { projectDirectory, startPlanMapServer, type RunningServer } from './support/startPlanMapServer';
import { openPlanMap } from './support/planMapPage';

let geodataCopy: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  geodataCopy = mkdtempSync(join(tmpdir(), 'plan-map-broken-'));
  cpSync(resolve(projectDirectory, 'geodata'), geodataCopy, { recursive: true });
  // A hand edit gone wrong: a project's status deleted in a text editor.
  const path = join(geodataCopy, 'idle-land.geojson');
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const properties = collection.features[2]?.properties;
  if (!properties) throw new Error('the sample has no third idle-land project');
  delete properties.status;
  writeFileSync(path, JSON.stringify(collection));
  [server, browser] = await Promise.all([startPlanMapServer(geodataCopy), launchChromium()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(geodataCopy, { recursive: true, force: true });
});

describe('a layer file that does not load', () => {
  it('says which file and which feature field is wrong, instead of showing a partial map', async () => {
    const { page } = await openPlanMap(browser, server.baseUrl, { waitForIdle: false });
    const alert = page.locator('.splash-error');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.locator('h1').textContent()).toBe('规划数据加载失败');
    const message = await alert.locator('pre').textContent();
    expect(message).toContain('idle-land.geojson');
    expect(message).toContain('features[2]');
    expect(message).toContain('properties.status');
    expect(await page.locator('.map').count()).toBe(0);
    await page.close();
  });
});
