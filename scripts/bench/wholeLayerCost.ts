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
import { parcelsGeoJson } from './parcelsGeoJson';

const LAYER = 'idle-land';
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
