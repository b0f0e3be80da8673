/**
 * Writes the bundled sample city geodata-city/: city.json naming the sample district (geodata/,
 * as it is) and 西山区, a smaller variant written here from it: six of its layers, every other
 * project, targets halved, no control lines or tour, and the outline, sub-districts and labels of
 * its basemap. Deterministic: every run writes the same bytes. Run with `npm run generate-sample-city`.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollectionText } from '../src/data/featureCollectionText';

const PROJECT = join(import.meta.dirname, '..');
const SOURCE = join(PROJECT, 'geodata');
const CITY = join(PROJECT, 'geodata-city');
const VARIANT = join(CITY, 'xishan');
/** A count, an area, a length, a sum and a share: every way targets add up across districts. */
const KEPT_LAYERS = ['urban-villages', 'old-neighborhoods', 'roads', 'green-space', 'schools', 'health'];
const KEPT_BASEMAP = ['district', 'streets', 'labels'];
const EMPTY_BASEMAP = ['water', 'rivers', 'hills', 'roads'];

interface SourceManifest {
  district: Record<string, unknown>;
  layers: { id: string; targets: { metric: string; target: number }[] }[];
  [key: string]: unknown;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function halved(target: { metric: string; target: number }): { metric: string; target: number } {
  // A share is a percentage: half the projects do not make half the share. Counts stay whole.
  if (target.metric === 'share') return target;
  return { ...target, target: target.metric === 'count' ? Math.ceil(target.target / 2) : Math.round(target.target * 5) / 10 };
}

function main(): void {
  rmSync(VARIANT, { recursive: true, force: true });
  mkdirSync(join(VARIANT, 'basemap'), { recursive: true });
  mkdirSync(join(VARIANT, 'schema'), { recursive: true });
  const manifest = readJson(join(SOURCE, 'layers.json')) as SourceManifest;
  const { controlLines: _controlLines, ...rest } = manifest;
  const layers = manifest.layers.filter((layer) => KEPT_LAYERS.includes(layer.id)).map((layer) => ({ ...layer, targets: layer.targets.map(halved) }));
  writeJson(join(VARIANT, 'layers.json'), { ...rest, district: { ...manifest.district, name: { zh: '西山区', en: 'Xishan District' } }, layers });
  for (const id of KEPT_LAYERS) {
    const collection = readJson(join(SOURCE, `${id}.geojson`)) as { features: unknown[] };
    writeFileSync(join(VARIANT, `${id}.geojson`), featureCollectionText(collection.features.filter((_, index) => index % 2 === 1)));
  }
  for (const name of KEPT_BASEMAP) copyFileSync(join(SOURCE, 'basemap', `${name}.geojson`), join(VARIANT, 'basemap', `${name}.geojson`));
  for (const name of EMPTY_BASEMAP) writeFileSync(join(VARIANT, 'basemap', `${name}.geojson`), featureCollectionText([]));
  for (const name of ['plan-layer', 'layers', 'tour', 'datum-shifts', ...KEPT_LAYERS]) copyFileSync(join(SOURCE, 'schema', `${name}.schema.json`), join(VARIANT, 'schema', `${name}.schema.json`));
  copyFileSync(join(SOURCE, 'datum-shifts.json'), join(VARIANT, 'datum-shifts.json'));
  writeJson(join(CITY, 'city.json'), {
    name: { zh: '滇池市', en: 'Dianchi City' },
    districts: [
      { id: 'hubin', name: { zh: '湖滨区', en: 'Hubin District' }, geodata: '../geodata' },
      { id: 'xishan', name: { zh: '西山区', en: 'Xishan District' }, geodata: 'xishan' },
    ],
  });
}

main();
