import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedDistrictSession } from './support/editedDistrictSession';
import { openPlanMap } from './support/planMapPage';

const HOSTILE_NAME = '<img src=x onerror="window.hostileScriptRan=1">"><svg onload=alert(1)>';
const HOSTILE_KEY = '<b onmouseover="window.hostileScriptRan=2">key</b>';
const HOSTILE_VALUE = 'javascript:window.hostileScriptRan=3';

let featureId = '';

const session = editedDistrictSession('hostile', (geodataDirectory) => {
  const path = join(geodataDirectory, 'green-space.geojson');
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] };
  const feature = collection.features[0];
  if (!feature) throw new Error('the sample has no green space');
  feature.properties.name = HOSTILE_NAME;
  feature.properties[HOSTILE_KEY] = HOSTILE_VALUE;
  featureId = feature.id;
  writeFileSync(path, JSON.stringify(collection));
});

describe('values from the data are shown as text, never as HTML', () => {
  it('renders a hostile name, attribute key and value literally in the details and the search', async () => {
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=green-space/${featureId}`);
    const details = page.locator('.feature-details');
    await details.waitFor({ timeout: 10_000 });
    expect(await details.locator('h2').textContent()).toBe(HOSTILE_NAME);
    const row = details.locator('.attribute-table tr', { hasText: 'key' });
    expect(await row.locator('th').textContent()).toBe(HOSTILE_KEY);
    expect(await row.locator('td').textContent()).toBe(HOSTILE_VALUE);
    expect(await details.locator('img, svg, b, a').count()).toBe(0);

    await page.locator('.search input').fill('<img');
    await page.locator('.search-results li.active').waitFor();
    expect(await page.locator('.search-results .search-name').first().textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('.search-results img, .search-results svg').count()).toBe(0);

    await row.hover();
    expect(await page.evaluate(() => (window as unknown as { hostileScriptRan?: number }).hostileScriptRan)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
