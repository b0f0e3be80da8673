import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedDistrictSession } from './support/editedDistrictSession';
import { openPlanMap } from './support/planMapPage';

// A hand edit gone wrong: a project's status deleted in a text editor.
const session = editedDistrictSession('broken', (geodataDirectory) => {
  const path = join(geodataDirectory, 'idle-land.geojson');
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  const properties = collection.features[2]?.properties;
  if (!properties) throw new Error('the sample has no third idle-land project');
  delete properties.status;
  writeFileSync(path, JSON.stringify(collection));
});

describe('a layer file that does not load', () => {
  it('says which file and which feature field is wrong, instead of showing a partial map', async () => {
    const { page } = await openPlanMap(session.browser, session.server.baseUrl, { waitForIdle: false });
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
