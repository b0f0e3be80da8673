/**
 * The seeded synthetic city: `size` plan features (parcels of the five polygon layers and new
 * roads as LineStrings) in a geodata folder the real server can serve, written once to
 * `.bench/city-<size>/` and reused while its stamp (a hash of every input) still matches.
 *
 *   tsx scripts/bench/generateCity.ts --size 75000 [--seed 1]
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SeededRandom } from './random';
import { boundsAround, parcelPolygon, roadLine, type LocalFrame } from './cityGeometry';
import { featureProperties, lifecyclesOf, STREETS, type ManifestLayer } from './cityProperties';
import { projectDirectory } from './paths';
import { log } from './log';

export interface CityOptions {
  size: number;
  seed: number;
}

export interface City {
  size: number;
  directory: string;
  layerIds: string[];
  /** The line layers (new roads), for the scene without them. */
  roadLayerIds: string[];
  /** Bytes of every layer file, for the JSON.parse floor's MB/s. */
  layerBytes: number;
}

/** A parcel plus the street in front of it; plausible for city blocks of mixed use. */
const CELL_METERS = 70;
const ROAD_SHARE = 0.05;
const HOLE_CHANCE = 0.1;
/** Share of the parcels in each polygon layer, in manifest order of the polygon layers. */
const POLYGON_LAYER_WEIGHTS: Record<string, number> = {
  'urban-villages': 0.15, 'old-neighborhoods': 0.35, 'green-space': 0.15, 'idle-land': 0.25, lakeshore: 0.1,
};
const GENERATOR_SOURCES = ['generateCity.ts', 'cityGeometry.ts', 'cityProperties.ts', 'random.ts'];

interface RawManifest {
  district: { center: [number, number]; zoom: number; bounds: [number, number, number, number] } & Record<string, unknown>;
  layers: ManifestLayer[];
}

function featureLine(id: string, properties: Record<string, unknown>, geometry: unknown): string {
  return JSON.stringify({ type: 'Feature', id, properties, geometry });
}

function collectionText(lines: readonly string[]): string {
  return `{\n"type": "FeatureCollection",\n"features": [\n${lines.join(',\n')}\n]\n}\n`;
}

/** The stamp: generator sources, options and the real manifest, so any change regenerates. */
function stampOf(options: CityOptions, manifestText: string): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(join(import.meta.dirname, file)));
  hash.update(JSON.stringify({ ...options, CELL_METERS, ROAD_SHARE, HOLE_CHANCE, POLYGON_LAYER_WEIGHTS }));
  hash.update(manifestText);
  return hash.digest('hex');
}

/** Every layer's features as GeoJSON lines, laid out on a square grid around the district centre. */
function cityLayers(options: CityOptions, manifest: RawManifest, frame: LocalFrame): { layers: Map<string, string[]>; halfSide: number } {
  const random = new SeededRandom(options.seed);
  const layers = new Map(manifest.layers.map((layer) => [layer.id, [] as string[]]));
  const lifecycles = new Map(manifest.layers.map((layer) => [layer.id, lifecyclesOf(layer)]));
  const polygonLayers = manifest.layers.filter((layer) => layer.geometry === 'polygon');
  const weights = polygonLayers.map((layer) => POLYGON_LAYER_WEIGHTS[layer.id] ?? 0.1);
  const roadLayer = manifest.layers.find((layer) => layer.geometry === 'line');
  const roadCount = roadLayer ? Math.round(options.size * ROAD_SHARE) : 0;
  const parcelCount = options.size - roadCount;
  const side = Math.ceil(Math.sqrt(parcelCount));
  const halfSide = (side * CELL_METERS) / 2;
  const streetOf = (column: number, row: number) =>
    STREETS[Math.min(4, Math.floor((column / side) * 5)) + 5 * Math.min(1, Math.floor((row / side) * 2))] ?? '';

  for (let index = 0; index < parcelCount; index++) {
    const column = index % side;
    const row = Math.floor(index / side);
    const layer = polygonLayers[random.weighted(weights)];
    if (!layer) throw new Error('the manifest has no polygon layer');
    const lines = layers.get(layer.id) ?? [];
    const geometry = parcelPolygon(random, frame, column * CELL_METERS - halfSide, row * CELL_METERS - halfSide, CELL_METERS, HOLE_CHANCE);
    const properties = featureProperties(random, layer, lifecycles.get(layer.id) ?? [], lines.length, streetOf(column, row));
    lines.push(featureLine(`${layer.id}-${lines.length + 1}`, properties, geometry));
  }
  for (let index = 0; roadLayer && index < roadCount; index++) {
    const cells = random.int(4, 10);
    const eastward = random.chance(0.5);
    const column = random.int(0, Math.max(0, side - (eastward ? cells : 0)));
    const row = random.int(0, Math.max(0, side - (eastward ? 0 : cells)));
    const geometry = roadLine(random, frame, column * CELL_METERS - halfSide, row * CELL_METERS - halfSide, CELL_METERS, cells, eastward);
    const lines = layers.get(roadLayer.id) ?? [];
    const properties = featureProperties(random, roadLayer, lifecycles.get(roadLayer.id) ?? [], lines.length, streetOf(column, row));
    lines.push(featureLine(`${roadLayer.id}-${lines.length + 1}`, properties, geometry));
  }
  return { layers, halfSide };
}

/** Writes the city unless an up-to-date copy is on disk; returns where it is. */
export async function ensureCity(options: CityOptions): Promise<City> {
  const sourceGeodata = resolve(projectDirectory, 'geodata');
  const manifestText = await readFile(join(sourceGeodata, 'layers.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as RawManifest;
  const directory = resolve(projectDirectory, '.bench', `city-${options.size}`);
  const stampFile = join(directory, 'stamp.json');
  const stamp = stampOf(options, manifestText);
  const layerIds = manifest.layers.map((layer) => layer.id);
  const roadLayerIds = manifest.layers.filter((layer) => layer.geometry === 'line').map((layer) => layer.id);
  if (existsSync(stampFile)) {
    const previous = JSON.parse(await readFile(stampFile, 'utf8')) as { stamp: string; layerBytes: number };
    if (previous.stamp === stamp) return { size: options.size, directory, layerIds, roadLayerIds, layerBytes: previous.layerBytes };
  }
  log(`generating the synthetic city of ${options.size} features in ${directory}`);
  const started = performance.now();
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  await cp(join(sourceGeodata, 'basemap'), join(directory, 'basemap'), { recursive: true });
  const [centerLongitude, centerLatitude] = manifest.district.center;
  const frame: LocalFrame = { centerLongitude, centerLatitude };
  const { layers, halfSide } = cityLayers(options, manifest, frame);
  let layerBytes = 0;
  for (const [layerId, lines] of layers) {
    const text = collectionText(lines);
    layerBytes += Buffer.byteLength(text);
    await writeFile(join(directory, `${layerId}.geojson`), text);
  }
  // The app fits the district bounds on open: make them the city's extent so all of it is drawn.
  const district = { ...manifest.district, bounds: boundsAround(frame, halfSide), zoom: 12 };
  // The sample's control lines lie over the district, not the city, and their files are not copied.
  await writeFile(join(directory, 'layers.json'), `${JSON.stringify({ ...manifest, $schema: undefined, controlLines: undefined, district }, null, 2)}\n`);
  await writeFile(stampFile, JSON.stringify({ stamp, options, layerBytes }));
  log(`  ${(layerBytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { size: options.size, directory, layerIds, roadLayerIds, layerBytes };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = Number(argument('--size') ?? 10000);
  const seed = Number(argument('--seed') ?? 1);
  ensureCity({ size, seed }).then((city) => log(`city at ${city.directory}`), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
