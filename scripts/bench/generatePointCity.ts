/**
 * The seeded synthetic city of points: one point layer (public facilities) of `size` points, one
 * per 70 m cell of a square grid around the district centre, jittered within the cell, in a
 * geodata folder the real server can serve; written once to `.bench/points-<size>/` and reused
 * while its stamp matches (as generateCity.ts).
 *
 *   tsx scripts/bench/generatePointCity.ts --size 100000 [--seed 1]
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SeededRandom } from './random';
import { boundsAround, toLonLat, type LocalFrame } from './cityGeometry';
import { featureProperties, lifecyclesOf, STREETS, type ManifestLayer } from './cityProperties';
import { projectDirectory } from './paths';
import { log } from './log';
import type { City, CityOptions } from './generateCity';

const CELL_METERS = 70;
const GENERATOR_SOURCES = ['generatePointCity.ts', 'cityGeometry.ts', 'cityProperties.ts', 'random.ts'];
export const POINT_LAYER_ID = 'facilities';

/** The point layer of the synthetic city: three statuses, as a facilities programme would have. */
const POINT_LAYER = {
  id: POINT_LAYER_ID,
  name: { zh: '公共服务设施', en: 'Public facilities' },
  geometry: 'point',
  color: '#CC79A7',
  statuses: [
    { id: 'planned', label: { zh: '规划中', en: 'Planned' }, color: '#E69F00' },
    { id: 'building', label: { zh: '建设中', en: 'Building' }, color: '#D55E00' },
    { id: 'opened', label: { zh: '已建成', en: 'Opened' }, color: '#009E73' },
  ],
  doneStatuses: ['opened'],
  targets: [{ id: 'opened', label: { zh: '建成设施', en: 'Facilities opened' }, metric: 'count', target: 1000, deadline: '2028-12-31', countedStatuses: ['opened'] }],
} as const;

function stampOf(options: CityOptions, manifestText: string): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(join(import.meta.dirname, file)));
  hash.update(JSON.stringify({ ...options, CELL_METERS, POINT_LAYER }));
  hash.update(manifestText);
  return hash.digest('hex');
}

/** Writes the point city unless an up-to-date copy is on disk; returns where it is. */
export async function ensurePointCity(options: CityOptions): Promise<City> {
  const sourceGeodata = resolve(projectDirectory, 'geodata');
  const manifestText = await readFile(join(sourceGeodata, 'layers.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as { district: { center: [number, number] } & Record<string, unknown> };
  const directory = resolve(projectDirectory, '.bench', `points-${options.size}`);
  const stampFile = join(directory, 'stamp.json');
  const stamp = stampOf(options, manifestText);
  const city = (layerBytes: number): City => ({ size: options.size, directory, layerIds: [POINT_LAYER_ID], roadLayerIds: [], layerBytes });
  if (existsSync(stampFile)) {
    const previous = JSON.parse(await readFile(stampFile, 'utf8')) as { stamp: string; layerBytes: number };
    if (previous.stamp === stamp) return city(previous.layerBytes);
  }
  log(`generating the synthetic city of ${options.size} points in ${directory}`);
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  await cp(join(sourceGeodata, 'basemap'), join(directory, 'basemap'), { recursive: true });
  const [centerLongitude, centerLatitude] = manifest.district.center;
  const frame: LocalFrame = { centerLongitude, centerLatitude };
  const random = new SeededRandom(options.seed);
  const layer: ManifestLayer = { id: POINT_LAYER.id, geometry: 'point', statuses: [...POINT_LAYER.statuses], doneStatuses: [...POINT_LAYER.doneStatuses] };
  const lifecycles = lifecyclesOf(layer);
  const side = Math.ceil(Math.sqrt(options.size));
  const halfSide = (side * CELL_METERS) / 2;
  const lines: string[] = [];
  for (let index = 0; index < options.size; index++) {
    const column = index % side;
    const row = Math.floor(index / side);
    const east = (column + random.next()) * CELL_METERS - halfSide;
    const north = (row + random.next()) * CELL_METERS - halfSide;
    const street = STREETS[Math.min(4, Math.floor((column / side) * 5)) + 5 * Math.min(1, Math.floor((row / side) * 2))] ?? '';
    const properties = featureProperties(random, layer, lifecycles, index, street);
    const [lon = 0, lat = 0] = toLonLat(frame, east, north);
    const geometry = { type: 'Point', coordinates: [Number(lon.toFixed(7)), Number(lat.toFixed(7))] };
    lines.push(JSON.stringify({ type: 'Feature', id: `${POINT_LAYER_ID}-${index + 1}`, properties, geometry }));
  }
  const text = `{\n"type": "FeatureCollection",\n"features": [\n${lines.join(',\n')}\n]\n}\n`;
  await writeFile(join(directory, `${POINT_LAYER_ID}.geojson`), text);
  const district = { ...manifest.district, bounds: boundsAround(frame, halfSide), zoom: 12 };
  await writeFile(join(directory, 'layers.json'), `${JSON.stringify({ ...manifest, $schema: undefined, controlLines: undefined, district, layers: [POINT_LAYER] }, null, 2)}\n`);
  const layerBytes = Buffer.byteLength(text);
  await writeFile(stampFile, JSON.stringify({ stamp, options, layerBytes }));
  log(`  ${(layerBytes / 1e6).toFixed(1)} MB of points`);
  return city(layerBytes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = (name: string) => process.argv[process.argv.indexOf(name) + 1];
  const size = process.argv.includes('--size') ? Number(at('--size')) : 100_000;
  const seed = process.argv.includes('--seed') ? Number(at('--seed')) : 1;
  ensurePointCity({ size, seed }).then((city) => log(`point city at ${city.directory}`), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
