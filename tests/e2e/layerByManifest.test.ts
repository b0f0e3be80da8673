/**
 * A new plan layer (README: The data) needs no code and no schema file, only an entry in layers.json and
 * its <id>.geojson. A copy of the sample gets a point layer (clinics, a count and a `share` target
 * with a `where`) and a polygon layer (parks, a `sum` target on a numeric attribute in 万元); the
 * browse screen, present mode, `npm run stats`, search, export and staff editing must all work with
 * them. Every expected figure is computed here from the features written below.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPixelsNear, openPlanMap, screenPointOf } from './support/planMapPage';
import { signIn, staffSession } from './support/staffServer';
import { runCli } from '../support/runCli';

/** Software GL on a shared 2-core machine: opening the map alone can take a minute. */
const TEST_TIMEOUT_MS = 240_000;
/** "Today" in the pages: after every history date below. */
const FIXED_NOW = new Date('2026-06-15T10:00:00');

const CLINICS = 'clinics-test';
const PARKS = 'parks-test';
const CLINIC_COLORS = { planned: '#7F00FF', open: '#FF00FF' } as const;
const WAN_YUAN = { zh: '万元', en: '10k CNY' };

interface Bounds { west: number; south: number; east: number; north: number }
interface TestFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; status: string; street: string; history: { date: string; status: string }[] } & Record<string, unknown>;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };
}

const clinicLayer = {
  id: CLINICS,
  name: { zh: '测试诊所', en: 'Test clinics' },
  geometry: 'point',
  color: '#AA3377',
  statuses: [
    { id: 'planned', label: { zh: '规划', en: 'Planned' }, color: CLINIC_COLORS.planned },
    { id: 'open', label: { zh: '开诊', en: 'Open' }, color: CLINIC_COLORS.open },
  ],
  doneStatuses: ['open'],
  targets: [
    { id: 'clinics-open', label: { zh: '开诊诊所', en: 'Clinics open' }, metric: 'count', target: 10, deadline: '2028-12-31', countedStatuses: ['open'] },
    { id: 'community-share', label: { zh: '社区诊所开诊比例', en: 'Community clinics open' }, metric: 'share', target: 80, deadline: '2028-12-31', countedStatuses: ['open'], where: { property: 'kind', equals: 'community' } },
  ],
  attributes: [
    { property: 'street', label: { zh: '街道', en: 'Sub-district' } },
    { property: 'kind', label: { zh: '类型', en: 'Kind' }, values: { community: { zh: '社区', en: 'Community' }, private: { zh: '民营', en: 'Private' } } },
    { property: 'beds', label: { zh: '床位（张）', en: 'Beds' }, type: 'integer' },
  ],
};

const parkLayer = {
  id: PARKS,
  name: { zh: '测试公园', en: 'Test parks' },
  geometry: 'polygon',
  unit: 'ha',
  color: '#228833',
  statuses: [
    { id: 'planned', label: { zh: '规划', en: 'Planned' }, color: '#C8E6A0' },
    { id: 'built', label: { zh: '建成', en: 'Built' }, color: '#1B5E20' },
  ],
  doneStatuses: ['built'],
  targets: [
    { id: 'parks-investment', label: { zh: '建成公园投资', en: 'Investment in built parks' }, metric: 'sum', property: 'investment', unit: WAN_YUAN, target: 1000, deadline: '2028-12-31', countedStatuses: ['built'] },
  ],
  attributes: [
    { property: 'street', label: { zh: '街道', en: 'Sub-district' } },
    { property: 'investment', label: { zh: '投资（万元）', en: 'Investment (10k CNY)' }, type: 'number' },
  ],
};

const history = (status: string) => status === 'planned'
  ? [{ date: '2024-03-01', status: 'planned' }]
  : [{ date: '2024-03-01', status: 'planned' }, { date: '2025-05-20', status }];

/** Six clinics on a grid 0.006° (some 600 m) apart from the district's centre, north and east. */
function clinicFeatures(center: [number, number]): TestFeature[] {
  const rows: [string, string, string, number][] = [
    ['湖滨测试诊所一号', 'community', 'open', 20],
    ['湖滨测试诊所二号', 'community', 'planned', 12],
    ['湖滨测试诊所三号', 'community', 'open', 8],
    ['湖滨测试诊所四号', 'private', 'open', 30],
    ['湖滨测试诊所五号', 'private', 'planned', 6],
    ['湖滨测试诊所六号', 'community', 'planned', 10],
  ];
  return rows.map(([name, kind, status, beds], index) => ({
    type: 'Feature',
    id: `CT-${index + 1}`,
    properties: { name, status, street: '云溪街道', history: history(status), kind, beds },
    geometry: { type: 'Point', coordinates: [round6(center[0] + 0.006 * (index % 3)), round6(center[1] + 0.006 * Math.floor(index / 3))] },
  }));
}

/** Four parks, squares of about 200 m, south of the district's centre. */
function parkFeatures(center: [number, number]): TestFeature[] {
  const rows: [string, string, number][] = [
    ['湖滨测试公园甲', 'built', 120.5],
    ['湖滨测试公园乙', 'planned', 230.25],
    ['湖滨测试公园丙', 'built', 310],
    ['湖滨测试公园丁', 'built', 89.75],
  ];
  return rows.map(([name, status, investment], index) => {
    const west = round6(center[0] - 0.01 + 0.004 * index);
    const south = round6(center[1] - 0.012);
    const ring: [number, number][] = [[west, south], [round6(west + 0.002), south], [round6(west + 0.002), round6(south + 0.002)], [west, round6(south + 0.002)], [west, south]];
    return { type: 'Feature', id: `PK-${index + 1}`, properties: { name, status, street: '云溪街道', history: history(status), investment }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
}

const round6 = (value: number) => Number(value.toFixed(6));

const session = staffSession((geodata) => {
  const manifestPath = join(geodata, 'layers.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { district: { bounds: [number, number, number, number] }; layers: unknown[] };
  const [west, south, east, north] = manifest.district.bounds;
  const center: [number, number] = [round6((west + east) / 2), round6((south + north) / 2)];
  manifest.layers.push(clinicLayer, parkLayer);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(geodata, `${CLINICS}.geojson`), JSON.stringify({ type: 'FeatureCollection', features: clinicFeatures(center) }));
  writeFileSync(join(geodata, `${PARKS}.geojson`), JSON.stringify({ type: 'FeatureCollection', features: parkFeatures(center) }));
});

async function stored(layerId: string): Promise<TestFeature[]> {
  return (JSON.parse(await readFile(join(session.server.geodataDirectory, `${layerId}.geojson`), 'utf8')) as { features: TestFeature[] }).features;
}

function districtBounds(): Bounds {
  const manifest = JSON.parse(readFileSync(join(session.server.geodataDirectory, 'layers.json'), 'utf8')) as { district: { bounds: [number, number, number, number] } };
  const [west, south, east, north] = manifest.district.bounds;
  return { west, south, east, north };
}

/** The figures the app should show, computed from the features on disk. */
async function expectedFigures() {
  const clinics = await stored(CLINICS);
  const parks = await stored(PARKS);
  const openCount = clinics.filter((feature) => feature.properties.status === 'open').length;
  const community = clinics.filter((feature) => feature.properties.kind === 'community');
  const communityShare = (100 * community.filter((feature) => feature.properties.status === 'open').length) / community.length;
  const builtInvestment = parks.filter((feature) => feature.properties.status === 'built').reduce((sum, feature) => sum + Number(feature.properties.investment), 0);
  return { clinics, parks, openCount, communityShare, builtInvestment };
}

/** Numbers as the Chinese UI writes them: grouped digits, trailing zeros dropped. */
const zh = (value: number, decimals: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

describe('a layer added by layers.json and its GeoJSON alone', () => {
  it('needs no schema file, and the CLI reports its sum and share targets from the files', async () => {
    const schemaFolder = join(session.server.geodataDirectory, 'schema');
    expect(existsSync(join(schemaFolder, 'urban-villages.schema.json'))).toBe(true);
    expect(existsSync(join(schemaFolder, `${CLINICS}.schema.json`))).toBe(false);
    expect(existsSync(join(schemaFolder, `${PARKS}.schema.json`))).toBe(false);

    const { openCount, communityShare, builtInvestment } = await expectedFigures();
    const run = await runCli('stats.ts', ['--json', session.server.geodataDirectory]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { layers: { id: string; features: number; targets: { id: string; metric: string; unit?: unknown; actual: number; target: number }[] }[] };
    const clinics = report.layers.find((layer) => layer.id === CLINICS);
    const parks = report.layers.find((layer) => layer.id === PARKS);
    expect(clinics?.features).toBe(6);
    expect(clinics?.targets.find((target) => target.id === 'clinics-open')?.actual).toBe(openCount);
    expect(clinics?.targets.find((target) => target.id === 'community-share')).toMatchObject({ metric: 'share', target: 80 });
    expect(clinics?.targets.find((target) => target.id === 'community-share')?.actual).toBeCloseTo(communityShare, 9);
    expect(parks?.features).toBe(4);
    expect(parks?.targets.find((target) => target.id === 'parks-investment')).toMatchObject({ metric: 'sum', unit: WAN_YUAN, target: 1000 });
    expect(parks?.targets.find((target) => target.id === 'parks-investment')?.actual).toBeCloseTo(builtInvestment, 9);
  }, TEST_TIMEOUT_MS);

  it('shows both layers in the layer panel, their targets in the stats panel, and draws the clinics in their status colours', async () => {
    const { clinics, openCount, communityShare, builtInvestment } = await expectedFigures();
    const [first] = clinics;
    if (!first || first.geometry.type !== 'Point') throw new Error('the first clinic is a point');
    const [lon, lat] = first.geometry.coordinates;
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?map=14/${lat}/${lon}`, { fixedTime: FIXED_NOW });

    expect(await page.locator(`.layer-card[data-layer-id="${CLINICS}"]`).innerText()).toContain('测试诊所');
    expect(await page.locator(`.layer-card[data-layer-id="${PARKS}"]`).innerText()).toContain('测试公园');

    const clinicCard = page.locator(`.stats-card[data-layer-id="${CLINICS}"]`);
    expect(await clinicCard.getByTestId('layer-total').textContent()).toBe(String(clinics.length));
    expect(await clinicCard.locator('[data-target-id="clinics-open"]').getByTestId('target-numbers').textContent())
      .toBe(`已完成 ${openCount} / 目标 10 (${zh((100 * openCount) / 10, 1)}%)`);
    expect(await clinicCard.locator('[data-target-id="community-share"]').getByTestId('target-numbers').textContent())
      .toBe(`已达 ${zh(communityShare, 1)}% / 目标 80%`);
    const parkCard = page.locator(`.stats-card[data-layer-id="${PARKS}"]`);
    expect(await parkCard.getByTestId('layer-total').textContent()).toMatch(/^4 · [\d.]+ 公顷$/);
    expect(await parkCard.locator('[data-target-id="parks-investment"]').getByTestId('target-numbers').textContent())
      .toBe(`已完成 ${zh(builtInvestment, 2)} 万元 / 目标 1,000 万元 (${zh((100 * builtInvestment) / 1000, 1)}%)`);

    // Each clinic is a disc of its status colour where it stands.
    const bounds = districtBounds();
    for (const clinic of clinics) {
      if (clinic.geometry.type !== 'Point') continue;
      const [x, y] = clinic.geometry.coordinates;
      expect(x > bounds.west && x < bounds.east && y > bounds.south && y < bounds.north).toBe(true);
      const onScreen = await screenPointOf(page, [x, y]);
      const color = CLINIC_COLORS[clinic.properties.status as keyof typeof CLINIC_COLORS];
      const rgb: [number, number, number] = [Number.parseInt(color.slice(1, 3), 16), Number.parseInt(color.slice(3, 5), 16), Number.parseInt(color.slice(5, 7), 16)];
      const box = { x: onScreen.x - 12, y: onScreen.y - 12, width: 24, height: 24 };
      expect(await countPixelsNear(page, [rgb], 10, undefined, box), `${clinic.id} drawn in ${color}`).toBeGreaterThan(15);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('gives each new layer a KPI tile in present mode with its first target\'s figure', async () => {
    const { openCount, communityShare, builtInvestment } = await expectedFigures();
    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?mode=present`, { fixedTime: FIXED_NOW, viewport: { width: 1920, height: 1080 } });
    const clinicTile = page.locator(`.kpi-tile[data-layer-id="${CLINICS}"]`);
    expect(await clinicTile.getByTestId('kpi-actual').textContent()).toBe(`${openCount} / 10`);
    expect(await clinicTile.getByTestId('kpi-percent').textContent()).toBe(`${zh((100 * openCount) / 10, 1)}%`);
    // The share, its second target, on a line of its own.
    expect(await clinicTile.locator('[data-target-id="community-share"] .kpi-secondary-value').textContent()).toBe(`${zh(communityShare, 1)}% / 80%`);
    expect(await page.locator(`.kpi-tile[data-layer-id="${PARKS}"]`).getByTestId('kpi-actual').textContent())
      .toBe(`${zh(builtInvestment, 2)} 万元 / 1,000 万元`);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('finds a clinic by name in the search box and opens its details', async () => {
    const { clinics } = await expectedFigures();
    const clinic = clinics[4];
    if (!clinic) throw new Error('six clinics');
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: FIXED_NOW });
    await page.locator('.search input').fill(clinic.properties.name);
    await page.locator('.search-results li.active').waitFor();
    expect(await page.locator('.search-results li.active .search-name').textContent()).toBe(clinic.properties.name);
    await page.keyboard.press('Enter');
    const details = page.locator(`.feature-details[data-feature-id="${clinic.id}"]`);
    await details.waitFor({ timeout: 20_000 });
    expect(await details.innerText()).toContain(clinic.properties.name);
    expect(new URL(page.url()).searchParams.get('feature')).toBe(`${CLINICS}/${clinic.id}`);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('exports the clinics as GeoJSON with every feature and its attributes', async () => {
    const { clinics } = await expectedFigures();
    const { page, errors } = await openPlanMap(session.browser, session.server.baseUrl, { fixedTime: FIXED_NOW });
    await page.locator('button.export-data').click();
    const dialog = page.locator('.export-dialog');
    await dialog.waitFor();
    await dialog.locator('select[name="layer"]').selectOption(CLINICS);
    await dialog.locator('input[name="scope"][value="layer"]').check();
    await dialog.locator('input[name="format"][value="geojson"]').check();
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.locator('button.export-download').click()]);
    expect(file.suggestedFilename()).toBe(`${CLINICS}-2026-06-15.geojson`);
    const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { features: TestFeature[] };
    expect(exported.features.map((feature) => feature.id).sort()).toEqual(clinics.map((feature) => feature.id).sort());
    for (const clinic of clinics) {
      const out = exported.features.find((feature) => feature.id === clinic.id);
      expect(out?.properties).toMatchObject({ name: clinic.properties.name, status: clinic.properties.status, kind: clinic.properties.kind, beds: clinic.properties.beds });
      expect(out?.geometry).toEqual(clinic.geometry);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);

  it('lets an editor change a clinic\'s and a park\'s status: the targets follow at once, and the saves reach the files on disk', async () => {
    const before = await expectedFigures();
    const clinic = before.clinics.find((feature) => feature.properties.kind === 'community' && feature.properties.status === 'planned');
    const park = before.parks.find((feature) => feature.properties.status === 'planned');
    if (!clinic || !park) throw new Error('a planned community clinic and a planned park');
    // One more community clinic open; one more park built, with its investment.
    const community = before.clinics.filter((feature) => feature.properties.kind === 'community');
    const shareAfter = (100 * (community.filter((feature) => feature.properties.status === 'open').length + 1)) / community.length;
    const investmentAfter = before.builtInvestment + Number(park.properties.investment);
    const shareText = (share: number) => `已达 ${zh(share, 1)}% / 目标 80%`;
    const sumText = (sum: number) => `已完成 ${zh(sum, 2)} 万元 / 目标 1,000 万元 (${zh((100 * sum) / 1000, 1)}%)`;

    const { page, errors } = await openPlanMap(session.browser, `${session.server.baseUrl}?feature=${CLINICS}/${clinic.id}`, { fixedTime: FIXED_NOW });
    await signIn(page);
    const shareNumbers = page.locator(`.stats-card[data-layer-id="${CLINICS}"] [data-target-id="community-share"]`).getByTestId('target-numbers');
    const sumNumbers = page.locator(`.stats-card[data-layer-id="${PARKS}"] [data-target-id="parks-investment"]`).getByTestId('target-numbers');
    expect(await shareNumbers.textContent()).toBe(shareText(before.communityShare));
    expect(await sumNumbers.textContent()).toBe(sumText(before.builtInvestment));

    const setStatus = async (status: string) => {
      const form = page.locator('.feature-editor .status-form');
      await form.locator('select[name="status"]').selectOption(status);
      await form.locator('input[name="date"]').fill('2026-06-01');
      await form.locator('button[type="submit"]').click();
    };
    const save = async (layerId: string) => {
      await page.locator(`.edit-layer[data-layer-id="${layerId}"] button.save-layer`).click();
      await page.locator(`.edit-layer[data-layer-id="${layerId}"] .save-ok`).waitFor();
    };

    await page.locator(`.feature-details[data-feature-id="${clinic.id}"]`).waitFor();
    await setStatus('open');
    await expect.poll(() => shareNumbers.textContent()).toBe(shareText(shareAfter));
    await save(CLINICS);

    // The park, opened by its link in the same signed-in session.
    await page.goto(`${session.server.baseUrl}?feature=${PARKS}/${park.id}`);
    await page.locator(`.feature-details[data-feature-id="${park.id}"]`).waitFor({ timeout: 60_000 });
    await page.locator('.edit-bar').waitFor();
    expect(await shareNumbers.textContent()).toBe(shareText(shareAfter));
    await setStatus('built');
    await expect.poll(() => sumNumbers.textContent()).toBe(sumText(investmentAfter));
    await save(PARKS);

    const after = await expectedFigures();
    const savedClinic = after.clinics.find((feature) => feature.id === clinic.id);
    expect(savedClinic?.properties.status).toBe('open');
    expect(savedClinic?.properties.history.at(-1)).toEqual({ date: '2026-06-01', status: 'open' });
    const savedPark = after.parks.find((feature) => feature.id === park.id);
    expect(savedPark?.properties.status).toBe('built');
    expect(savedPark?.properties.history.at(-1)).toEqual({ date: '2026-06-01', status: 'built' });
    expect(after.communityShare).toBeCloseTo(shareAfter, 9);
    expect(after.builtInvestment).toBeCloseTo(investmentAfter, 9);
    // The other features are unchanged.
    expect(after.clinics.filter((feature) => feature.id !== clinic.id)).toEqual(before.clinics.filter((feature) => feature.id !== clinic.id));
    expect(after.parks.filter((feature) => feature.id !== park.id)).toEqual(before.parks.filter((feature) => feature.id !== park.id));
    // Still no schema file for the new layers: the server checked the saves against layers.json alone.
    expect(existsSync(join(session.server.geodataDirectory, 'schema', `${CLINICS}.schema.json`))).toBe(false);
    expect(existsSync(join(session.server.geodataDirectory, 'schema', `${PARKS}.schema.json`))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST_TIMEOUT_MS);
});
