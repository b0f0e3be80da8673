import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { areaSquareMeters } from '../../../src/domain/measure/areaSquareMeters';
import { parseManifest } from '../../../src/data/parseGeodata';
import { projectRoot, runCli } from '../../support/runCli';
import { sampleBasemapPmtiles } from '../../support/pmtiles/sampleBasemapPmtiles';
import { EPSG_4543, gaussKrugerForward } from '../../fixtures/import/gaussKrugerForward';
import { gcj02ToBd09, wgs84ToGcj02 } from '../../../src/domain/validation/chineseWebCoordinates';

const FIXTURES = join(projectRoot, 'tests', 'fixtures');
const DATAV_BOUNDARY = join(FIXTURES, 'import', 'datav-530112.json');
const GK_BOUNDARY = join(FIXTURES, 'district', 'boundary-gk4543.zip');
const GK_STREETS = join(FIXTURES, 'district', 'streets-gk4543.zip');
const SAMPLE_BASEMAP = join(projectRoot, 'geodata', 'basemap');
const XIAN_BOUNDARY = join(FIXTURES, 'crs', 'xian1980-gk102-parcel.geojson');
const XIAN_REFERENCE = join(FIXTURES, 'crs', 'xian1980-gk102-parcel.cs2cs-lonlat.json');
const XIAN_SHIFTS = join(FIXTURES, 'crs', 'datum-shifts.json');

const temporaryDirectories: string[] = [];

function emptyParent(): string {
  const directory = mkdtempSync(join(tmpdir(), 'plan-map-district-'));
  temporaryDirectories.push(directory);
  return directory;
}

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

type Areas = FeatureCollection<Polygon | MultiPolygon, { name: string; nameEn?: string }>;
const readAreas = (path: string): Areas => JSON.parse(readFileSync(path, 'utf8')) as Areas;
const readLayersJson = (directory: string) => parseManifest(readFileSync(join(directory, 'layers.json'), 'utf8'));

async function expectUsableByTheOtherCommands(directory: string): Promise<void> {
  const check = await runCli('checkGeodata.ts', [directory]);
  expect(check.stdout).toContain('geodata is valid');
  expect(check.code).toBe(0);
  const stats = await runCli('stats.ts', ['--json', directory]);
  expect(stats.code).toBe(0);
  const parsed = JSON.parse(stats.stdout) as { layers: { id: string; features: number }[] };
  const template = readLayersJson(join(projectRoot, 'geodata'));
  expect(parsed.layers.map((layer) => [layer.id, layer.features])).toEqual(template.layers.map((layer) => [layer.id, 0]));
}

// Each case runs the real command (and check-data and stats) as separate processes: minutes on a loaded two-core machine.
describe('npm run district -- init', { timeout: 240_000 }, () => {
  it('makes a district from a DataV boundary in GCJ-02: converted, named, with the template layers and no targets', async () => {
    const out = join(emptyParent(), 'xishan');
    const run = await runCli('district.ts', ['init', '--boundary', DATAV_BOUNDARY, '--name', '西山区', '--name-en', 'Xishan District', '--plan-start', '2026-01-01', '--plan-end', '2030-12-31', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('GCJ-02');
    const manifest = readLayersJson(out);
    expect(manifest.district.name).toEqual({ zh: '西山区', en: 'Xishan District' });
    expect([manifest.district.planStart, manifest.district.planEnd]).toEqual(['2026-01-01', '2030-12-31']);
    const template = readLayersJson(join(projectRoot, 'geodata'));
    expect(manifest.layers.map((layer) => layer.id)).toEqual(template.layers.map((layer) => layer.id));
    expect(manifest.layers.map((layer) => layer.statuses)).toEqual(template.layers.map((layer) => layer.statuses));
    expect(manifest.layers.every((layer) => layer.targets.length === 0)).toBe(true);
    // GCJ-02 lies a few hundred metres north-east of CGCS2000 here; the stored outline must not.
    const source = readAreas(DATAV_BOUNDARY).features[0]?.geometry;
    const stored = readAreas(join(out, 'basemap', 'district.geojson')).features[0];
    if (!source || !stored) throw new Error('no outline');
    expect(stored.properties).toEqual({ name: '西山区', nameEn: 'Xishan District' });
    const firstSource = (source.type === 'Polygon' ? source.coordinates[0] : source.coordinates[0]?.[0])?.[0] ?? [];
    const firstStored = (stored.geometry.type === 'Polygon' ? stored.geometry.coordinates[0] : stored.geometry.coordinates[0]?.[0])?.[0] ?? [];
    const shiftMeters = Math.hypot(((firstSource[0] ?? 0) - (firstStored[0] ?? 0)) * 101_000, ((firstSource[1] ?? 0) - (firstStored[1] ?? 0)) * 111_000);
    expect(shiftMeters).toBeGreaterThan(200);
    expect(shiftMeters).toBeLessThan(800);
    const [west, south, east, north] = manifest.district.bounds;
    expect(manifest.district.center[0]).toBeGreaterThan(west);
    expect(manifest.district.center[0]).toBeLessThan(east);
    expect(manifest.district.center[1]).toBeGreaterThan(south);
    expect(manifest.district.center[1]).toBeLessThan(north);
    const labels = readAreas(join(out, 'basemap', 'labels.geojson')).features;
    expect(labels.map((label) => label.properties.name)).toEqual(['西山区']);
    expect(existsSync(join(out, 'tour.json'))).toBe(false);
    expect(readdirSync(join(out, 'schema')).sort()).toEqual(readdirSync(join(projectRoot, 'geodata', 'schema')).sort());
    // No --datum-shift: an empty profile file, which the admin screen then saves into.
    expect(JSON.parse(readFileSync(join(out, 'datum-shifts.json'), 'utf8'))).toMatchObject({ profiles: [] });
    await expectUsableByTheOtherCommands(out);
  });

  it('makes a district from zipped shapefiles in Gauss-Krüger EPSG:4543, sub-districts named from a GBK field, areas kept', async () => {
    const out = join(emptyParent(), 'hubin');
    const run = await runCli('district.ts', ['init', '--boundary', GK_BOUNDARY, '--streets', GK_STREETS, '--street-field', 'JDMC', '--name', '湖滨区', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('EPSG:4543');
    const sampleDistrict = readAreas(join(SAMPLE_BASEMAP, 'district.geojson')).features[0]?.geometry;
    const storedDistrict = readAreas(join(out, 'basemap', 'district.geojson')).features[0]?.geometry;
    expect(Math.abs(areaSquareMeters(storedDistrict) / areaSquareMeters(sampleDistrict) - 1)).toBeLessThan(1e-6);
    const sampleStreets = readAreas(join(SAMPLE_BASEMAP, 'streets.geojson')).features;
    const storedStreets = readAreas(join(out, 'basemap', 'streets.geojson')).features;
    expect(storedStreets.map((street) => street.properties.name)).toEqual(sampleStreets.map((street) => street.properties.name));
    for (const [index, street] of storedStreets.entries())
      expect(Math.abs(areaSquareMeters(street.geometry) / areaSquareMeters(sampleStreets[index]?.geometry) - 1)).toBeLessThan(1e-6);
    const labels = readAreas(join(out, 'basemap', 'labels.geojson')).features;
    expect(labels.map((label) => label.properties.name)).toEqual(['湖滨区', ...sampleStreets.map((street) => street.properties.name)]);
    const manifest = readLayersJson(out);
    expect(manifest.district.name).toEqual({ zh: '湖滨区', en: '湖滨区' });
    // The sample's own view was chosen by hand for the same outline.
    const sample = readLayersJson(join(projectRoot, 'geodata')).district;
    for (const [index, degrees] of manifest.district.bounds.entries()) expect(Math.abs(degrees - (sample.bounds[index] ?? 0))).toBeLessThan(0.02);
    await expectUsableByTheOtherCommands(out);
  });

  it('refuses a folder that is not empty, in Chinese first, and leaves it as it was', async () => {
    const out = emptyParent();
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const run = await runCli('district.ts', ['init', '--boundary', DATAV_BOUNDARY, '--name', '西山区', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^错误 Error: 输出文件夹 ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 已存在且不是空的.* / the output folder .* is not empty`));
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('writes into an empty folder that already exists', async () => {
    const out = join(emptyParent(), 'ready');
    mkdirSync(out);
    const run = await runCli('district.ts', ['init', '--boundary', DATAV_BOUNDARY, '--name', '西山区', '--out', out]);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'layers.json'))).toBe(true);
  });

  it('names the sub-district file, the field and the fields it does have when --street-field is wrong', async () => {
    const out = join(emptyParent(), 'wrong-field');
    const run = await runCli('district.ts', ['init', '--boundary', GK_BOUNDARY, '--streets', GK_STREETS, '--street-field', 'NAME', '--name', '湖滨区', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('街道文件');
    expect(run.stderr).toContain('NAME');
    expect(run.stderr).toContain('JDMC');
    expect(run.stderr).toContain('--street-field');
    expect(existsSync(out)).toBe(false);
  });

  it('names a boundary file that cannot be read, and what to do', async () => {
    const out = join(emptyParent(), 'missing');
    const missing = await runCli('district.ts', ['init', '--boundary', join(FIXTURES, 'district', 'no-such-file.zip'), '--name', '某区', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到区界文件');
    const notGeodata = await runCli('district.ts', ['init', '--boundary', join(FIXTURES, 'import', 'html-page.geojson'), '--name', '某区', '--out', out]);
    expect(notGeodata.code).toBe(1);
    expect(notGeodata.stderr).toContain('html-page.geojson');
    expect(notGeodata.stderr).toContain('--crs');
    const noName = await runCli('district.ts', ['init', '--boundary', DATAV_BOUNDARY, '--out', out]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('缺少 --name');
    expect(existsSync(out)).toBe(false);
  });

  it('wires in a PMTiles basemap: copied under basemap/, its schema read from the archive and named in layers.json', async () => {
    const parent = emptyParent();
    for (const schema of ['protomaps', 'openmaptiles'] as const) {
      const archive = join(parent, `云南 ${schema} extract.pmtiles`);
      writeFileSync(archive, sampleBasemapPmtiles(schema));
      const out = join(parent, `with-${schema}`);
      const run = await runCli('district.ts', ['init', '--boundary', GK_BOUNDARY, '--name', '湖滨区', '--basemap', archive, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const manifest = readLayersJson(out);
      expect(manifest.basemap).toEqual({ pmtiles: `basemap/${schema}-extract.pmtiles`, schema });
      expect(readFileSync(join(out, 'basemap', `${schema}-extract.pmtiles`))).toEqual(readFileSync(archive));
      if (schema === 'protomaps') await expectUsableByTheOtherCommands(out);
    }
    // check-data follows layers.json to the archive: there, and of the schema it says.
    const out = join(parent, 'with-protomaps');
    const layersJson = join(out, 'layers.json');
    writeFileSync(layersJson, readFileSync(layersJson, 'utf8').replace('"schema": "protomaps"', '"schema": "openmaptiles"'));
    const wrongSchema = await runCli('checkGeodata.ts', [out]);
    expect(wrongSchema.code).toBe(1);
    expect(wrongSchema.stdout).toContain('[BASEMAP_SCHEMA]');
    rmSync(join(out, 'basemap', 'protomaps-extract.pmtiles'));
    const missing = await runCli('checkGeodata.ts', [out]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('layers.json /basemap/pmtiles [MISSING_FILE] 找不到底图文件 basemap/protomaps-extract.pmtiles');
  });

  it('refuses a basemap that is not a vector PMTiles archive, naming the file', async () => {
    const parent = emptyParent();
    const out = join(parent, 'bad-basemap');
    const run = await runCli('district.ts', ['init', '--boundary', GK_BOUNDARY, '--name', '湖滨区', '--basemap', DATAV_BOUNDARY, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`底图文件 ${DATAV_BOUNDARY}`);
    expect(run.stderr).toContain('PMTiles');
    expect(existsSync(out)).toBe(false);
  });

  it('takes a declared CRS with --crs for a file that does not say its own', async () => {
    const parent = emptyParent();
    const sample = readAreas(join(SAMPLE_BASEMAP, 'district.geojson')).features[0]?.geometry;
    if (sample?.type !== 'Polygon') throw new Error('the sample outline is not one polygon');
    const projected = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '湖滨区' }, geometry: { type: 'Polygon', coordinates: sample.coordinates.map((ring) => ring.map(([lon = 0, lat = 0]) => gaussKrugerForward([lon, lat], EPSG_4543))) } }] };
    const file = join(parent, 'outline-without-crs.geojson');
    writeFileSync(file, JSON.stringify(projected));
    const out = join(parent, 'declared');
    const run = await runCli('district.ts', ['init', '--boundary', file, '--crs', 'EPSG:4543', '--name', '湖滨区', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('EPSG:4543');
    const stored = readAreas(join(out, 'basemap', 'district.geojson')).features[0]?.geometry;
    expect(Math.abs(areaSquareMeters(stored) / areaSquareMeters(sample) - 1)).toBeLessThan(1e-6);
  });

  it('prints the extent of a boundary and the extract box for a basemap, after the same conversion', async () => {
    const run = await runCli('district.ts', ['bounds', '--boundary', DATAV_BOUNDARY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('GCJ-02');
    const box = /--bbox=([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)/.exec(run.stdout)?.slice(1).map(Number) ?? [];
    expect(box).toHaveLength(4);
    const [west = 0, south = 0, east = 0, north = 0] = box;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(east - west).toBeGreaterThan(0.3);
  });

  it('combines a boundary drawn in several polygons into one district, and says so', async () => {
    const out = join(emptyParent(), 'pieces');
    const run = await runCli('district.ts', ['init', '--boundary', GK_STREETS, '--name', '湖滨区', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('区界文件中有 6 个面要素，已合并为一个区');
    const outline = readAreas(join(out, 'basemap', 'district.geojson')).features;
    expect(outline).toHaveLength(1);
    expect(outline[0]?.geometry.type).toBe('MultiPolygon');
  });

  it('converts a boundary traced on Baidu maps (BD-09) with --from bd09 back onto the survey', async () => {
    const parent = emptyParent();
    const sample = readAreas(join(SAMPLE_BASEMAP, 'district.geojson')).features[0]?.geometry;
    if (sample?.type !== 'Polygon') throw new Error('the sample outline is not one polygon');
    const toBd09 = ([lon = 0, lat = 0]: number[]) => gcj02ToBd09(...wgs84ToGcj02(lon, lat));
    const traced = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '湖滨区' }, geometry: { type: 'Polygon', coordinates: sample.coordinates.map((ring) => ring.map(toBd09)) } }] };
    const file = join(parent, 'baidu-outline.geojson');
    writeFileSync(file, JSON.stringify(traced));
    const out = join(parent, 'bd09');
    const run = await runCli('district.ts', ['init', '--boundary', file, '--from', 'bd09', '--name', '湖滨区', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const stored = readAreas(join(out, 'basemap', 'district.geojson')).features[0]?.geometry;
    if (stored?.type !== 'Polygon') throw new Error('the stored outline is not one polygon');
    // The published inverse conversions are iterative approximations good to well under a metre.
    const worstMeters = Math.max(...(sample.coordinates[0] ?? []).map(([lon = 0, lat = 0], index) => {
      const [storedLon = 0, storedLat = 0] = stored.coordinates[0]?.[index] ?? [];
      return Math.hypot((lon - storedLon) * 101_000, (lat - storedLat) * 111_000);
    }));
    expect(worstMeters).toBeLessThan(2);
    expect(Math.abs(areaSquareMeters(stored) / areaSquareMeters(sample) - 1)).toBeLessThan(1e-4);
  });

  it('shifts a Xi\'an 1980 boundary with --datum-shift, by name in --datum-shifts or as a one-profile file, and keeps the profiles it used', async () => {
    const parent = emptyParent();
    const refused = await runCli('district.ts', ['init', '--boundary', XIAN_BOUNDARY, '--name', '西安测试区', '--out', join(parent, 'none')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--datum-shift');

    const out = join(parent, 'xian');
    const run = await runCli('district.ts', ['init', '--boundary', XIAN_BOUNDARY, '--datum-shift', '西安80-测试七参数', '--datum-shifts', XIAN_SHIFTS, '--name', '西安测试区', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('中误差 RMS');
    const stored = readAreas(join(out, 'basemap', 'district.geojson')).features[0]?.geometry;
    if (stored?.type !== 'Polygon') throw new Error('the stored outline is not one polygon');
    const reference = (JSON.parse(readFileSync(XIAN_REFERENCE, 'utf8')) as { lonLat: [number, number][] }).lonLat;
    const worstMeters = Math.max(...reference.map(([lon, lat]) => Math.min(...(stored.coordinates[0] ?? []).map(([storedLon = 0, storedLat = 0]) => Math.hypot((lon - storedLon) * 101_000, (lat - storedLat) * 111_000)))));
    expect(worstMeters).toBeLessThan(0.5);
    const kept = JSON.parse(readFileSync(join(out, 'datum-shifts.json'), 'utf8')) as { profiles: unknown[] };
    expect(kept.profiles).toEqual((JSON.parse(readFileSync(XIAN_SHIFTS, 'utf8')) as { profiles: unknown[] }).profiles);
    await expectUsableByTheOtherCommands(out);

    const several = await runCli('district.ts', ['init', '--boundary', XIAN_BOUNDARY, '--datum-shift', XIAN_SHIFTS, '--name', '西安测试区', '--out', join(parent, 'several')]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('--datum-shifts');
    const one = join(parent, 'one-profile.json');
    const [first] = (JSON.parse(readFileSync(XIAN_SHIFTS, 'utf8')) as { profiles: unknown[] }).profiles;
    writeFileSync(one, JSON.stringify({ profiles: [first] }));
    const byPath = await runCli('district.ts', ['init', '--boundary', XIAN_BOUNDARY, '--datum-shift', one, '--name', '西安测试区', '--out', join(parent, 'by-path')]);
    expect(byPath.stderr).toBe('');
    expect(byPath.code).toBe(0);
    expect(existsSync(join(parent, 'by-path', 'datum-shifts.json'))).toBe(true);
  });
});
