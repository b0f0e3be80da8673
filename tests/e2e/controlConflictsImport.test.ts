import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { booleanWithin, centroid, circle } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openPlanMap } from './support/planMapPage';
import { signIn, staffSession } from './support/staffServer';

const session = staffSession();

describe('the import review names the control-line conflicts an import brings', () => {
  it('shows a project moved onto basic farmland, outside the urban boundary, as new conflicts before saving', async () => {
    const read = async (file: string) => JSON.parse(await readFile(join(session.server.geodataDirectory, file), 'utf8')) as FeatureCollection<Polygon>;
    const idleLand = await read('idle-land.geojson');
    const [farmland] = (await read('basic-farmland.geojson')).features;
    if (!farmland) throw new Error('the sample has basic farmland');
    // A small plot in the middle of the western farmland, in place of an existing plot's shape.
    const plot = circle(centroid(farmland), 40, { steps: 12, units: 'meters' });
    expect(booleanWithin(plot, farmland)).toBe(true);
    const moved = idleLand.features.map((feature): Feature<Polygon> => (feature.id === 'IL-100' ? { ...feature, geometry: plot.geometry } : feature));
    const file = join(session.server.geodataDirectory, '..', 'idle-land-moved.geojson');
    await writeFile(file, JSON.stringify({ ...idleLand, features: moved }));

    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl);
    await signIn(page);
    await page.locator('.import-file-input').setInputFiles(file);
    const panel = page.locator('.import-panel');
    await panel.locator('.import-diff').waitFor();
    expect(await panel.getByTestId('diff-changed').innerText()).toBe('1 IL-100');
    const found = panel.locator('.import-new-conflicts li');
    await expect.poll(() => found.count(), { timeout: 15_000 }).toBe(2);
    const onFarmland = await panel.locator('.import-new-conflicts li[data-control-line-id="basic-farmland"]').innerText();
    expect(onFarmland).toContain('IL-100');
    expect(onFarmland).toContain('永久基本农田');
    expect(onFarmland).toContain('新冲突');
    expect(onFarmland).toContain('占项目 100%');
    expect(await panel.locator('.import-new-conflicts li[data-control-line-id="urban-boundary"]').innerText()).toContain('城镇开发边界');
    // The sample's own deliberate conflicts are saved already: the review does not repeat them.
    expect(await panel.locator('.import-new-conflicts li[data-feature-id="IL-061"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
