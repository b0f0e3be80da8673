/**
 * Renders the generated geodata to an SVG for a quick look: `tsx scripts/sample/previewSample.ts
 * [out.svg] [widthPx] [minX,minY,maxX,maxY in local metres]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Point, Ring } from './geometry';
import { renderSvg, type PreviewLayer } from './previewSvg';
import { toMeters } from './projection';

const GEODATA = join(import.meta.dirname, '..', '..', 'geodata');

function read(path: string): Feature[] {
  return (JSON.parse(readFileSync(join(GEODATA, path), 'utf8')) as FeatureCollection).features;
}

function rings(features: readonly Feature[]): Ring[][] {
  return features.flatMap((f) => {
    const g = f.geometry;
    const poly = (p: Position[][]): Ring[] => p.map((r) => r.map(toMeters));
    if (g.type === 'Polygon') return [poly(g.coordinates)];
    if (g.type === 'MultiPolygon') return g.coordinates.map(poly);
    return [];
  });
}

function lines(features: readonly Feature[]): Point[][] {
  return features.flatMap((f) => (f.geometry.type === 'LineString' ? [f.geometry.coordinates.map(toMeters)] : []));
}

const [out = '/tmp/sample.svg', width = '1600', view] = process.argv.slice(2);
const roads = read('basemap/roads.geojson');
const byClass = (c: string) => roads.filter((f) => f.properties?.class === c);
const water = read('basemap/water.geojson');
const hills = read('basemap/hills.geojson');
const layers: PreviewLayer[] = [
  { rings: rings(read('basemap/district.geojson')), fill: '#fbfaf7' },
  { rings: rings(water), fill: '#a9d3f0' },
  { rings: rings(hills.filter((f) => f.properties?.kind === 'hill')), fill: '#d5e6c6' },
  { lines: lines(hills.filter((f) => f.properties?.kind === 'contour')), stroke: '#a8b890', strokeWidthPx: 0.5 },
  { rings: rings(read('basemap/streets.geojson')), stroke: '#9b8fb0', strokeWidthPx: 1.2 },
  { lines: lines(byClass('local')), stroke: '#d8d2c8', strokeWidthPx: 1 },
  { lines: lines(byClass('secondary')), stroke: '#c9c0b0', strokeWidthPx: 2 },
  { lines: lines(byClass('arterial')), stroke: '#e8c07a', strokeWidthPx: 3 },
  { lines: lines(byClass('expressway')), stroke: '#d88a5a', strokeWidthPx: 4 },
  { rings: rings(water.filter((f) => f.properties?.kind === 'river')), fill: '#8cc4ec' },
  { rings: rings(read('lakeshore.geojson')), fill: '#56B4E9', opacity: 0.75 },
  { rings: rings(read('green-space.geojson')), fill: '#009E73', opacity: 0.75 },
  { rings: rings(read('idle-land.geojson')), fill: '#8C6D31', opacity: 0.7 },
  { rings: rings(read('old-neighborhoods.geojson')), fill: '#E69F00', opacity: 0.75 },
  { rings: rings(read('urban-villages.geojson')), fill: '#D55E00', opacity: 0.8 },
  { lines: lines(read('roads.geojson')), stroke: '#CC79A7', strokeWidthPx: 3.5 },
  { rings: rings(read('basemap/district.geojson')), stroke: '#7a3b69', strokeWidthPx: 2 },
  {
    fill: '#222',
    texts: read('basemap/labels.geojson').flatMap((f) =>
      f.geometry.type === 'Point' ? [{ point: toMeters(f.geometry.coordinates), text: String(f.properties?.name), sizePx: 30 - 4 * Number(f.properties?.rank) }] : [],
    ),
  },
];
const box = view?.split(',').map(Number);
const viewBox = box !== undefined && box.length === 4 ? { minX: box[0] ?? 0, minY: box[1] ?? 0, maxX: box[2] ?? 0, maxY: box[3] ?? 0 } : { minX: -8500, minY: -7000, maxX: 8500, maxY: 7500 };
writeFileSync(out, renderSvg(layers, Number(width), viewBox));
