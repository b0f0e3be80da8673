/**
 * What the whole-layer path costs the server as a layer grows, to set the feature count from
 * which a layer is tiled instead (docs/tiles.md): N generated parcels as one GeoJSON file, then
 * what LayerPartsCache does once per version (layerPartsFromBytes, encodeLayerParts), timed, with
 * the bytes a page then downloads. `npx tsx scripts/bench/wholeLayerCost.ts --sizes 100000,500000,1000000`
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseManifest } from '../../src/data/parseGeodata';
import { layerPartsFromBytes } from '../../src/data/layerPartsFromBytes';
import { encodeLayerParts } from '../../src/data/layerPartsCodec';
import { projectDirectory } from './paths';
import { log } from './log';

const LAYER = 'idle-land';
const STREETS = ['金湖街道', '凤鸣街道', '湖滨街道', '青山街道', '白鹭街道'];

/** Parcels on a grid over the district, as generateParcels.ts lays them out in the database. */
function parcelsGeoJson(count: number, bounds: [number, number, number, number], statuses: string[]): Uint8Array {
  const [west, south, east, north] = bounds;
  const cols = Math.ceil(Math.sqrt((count * (east - west)) / (north - south)));
  const rows = Math.ceil(count / cols);
  const dx = (east - west) / cols;
  const dy = (north - south) / rows;
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  for (let i = 0; i < count; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    const x0 = west + c * dx;
    const y0 = south + r * dy;
    const ring = [[x0 + dx * 0.08, y0 + dy * 0.08], [x0 + dx * 0.92, y0 + dy * 0.1], [x0 + dx * 0.9, y0 + dy * 0.92], [x0 + dx * 0.1, y0 + dy * 0.9], [x0 + dx * 0.08, y0 + dy * 0.08]];
    const level = (i * 2654435761) % statuses.length;
    const history = statuses.slice(0, level + 1).map((status, step) => ({ date: new Date(Date.UTC(2024, 0, 1 + step * 120 + (i % 90))).toISOString().slice(0, 10), status }));
    const feature = {
      type: 'Feature',
      id: `P-${i}`,
      properties: { name: `地块 ${i}`, status: statuses[level], street: STREETS[Math.floor((c * STREETS.length) / cols)], history },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    parts.push(`${i > 0 ? ',' : ''}${JSON.stringify(feature)}`);
  }
  parts.push(']}');
  return new TextEncoder().encode(parts.join(''));
}

async function main(): Promise<void> {
  const sizesFlag = process.argv.indexOf('--sizes');
  const sizes = (sizesFlag >= 0 ? (process.argv[sizesFlag + 1] ?? '') : '100000,500000,1000000').split(',').map(Number);
  const manifestText = await readFile(resolve(projectDirectory, 'geodata', 'layers.json'), 'utf8');
  const manifest = parseManifest(manifestText);
  const definition = manifest.layers.find((layer) => layer.id === LAYER);
  if (!definition) throw new Error(`no ${LAYER} in layers.json`);
  const bounds = manifest.district.bounds as [number, number, number, number];
  process.stdout.write('parcels | GeoJSON | parts blob | layerPartsFromBytes | encodeLayerParts | heap after\n');
  for (const size of sizes) {
    const bytes = parcelsGeoJson(size, bounds, definition.statuses.map((status) => status.id));
    log(`${size.toLocaleString('en-US')} parcels: ${(bytes.byteLength / 1e6).toFixed(0)} MB of GeoJSON`);
    const started = performance.now();
    const { featureText: _featureText, ...parts } = layerPartsFromBytes(definition, bytes, `${LAYER}.geojson`);
    const partsMs = performance.now() - started;
    const encodeStarted = performance.now();
    const blob = encodeLayerParts(parts, '"bench"');
    const encodeMs = performance.now() - encodeStarted;
    const heapMb = process.memoryUsage().heapUsed / 1e6;
    process.stdout.write(`${size} | ${(bytes.byteLength / 1e6).toFixed(0)} MB | ${(blob.byteLength / 1e6).toFixed(0)} MB | ${(partsMs / 1000).toFixed(1)} s | ${(encodeMs / 1000).toFixed(1)} s | ${heapMb.toFixed(0)} MB\n`);
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
