import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeodataError, parseGeometries, parseLayer, parseManifest } from '../../../src/data/parseGeodata';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const read = (...path: string[]): string => readFileSync(join(fixtures, ...path), 'utf8');

function errorOf(parse: () => unknown): GeodataError {
  try {
    parse();
  } catch (error) {
    if (error instanceof GeodataError) return error;
    throw error;
  }
  throw new Error('expected a GeodataError');
}

describe('parseManifest', () => {
  it('reads the real geodata/layers.json', () => {
    const manifest = parseManifest(readFileSync(join(import.meta.dirname, '..', '..', '..', 'geodata', 'layers.json'), 'utf8'));
    expect(manifest.layers.map((layer) => layer.id)).toEqual([
      'urban-villages', 'old-neighborhoods', 'roads', 'green-space', 'idle-land', 'lakeshore',
      'major-projects', 'schools', 'health', 'quarries', 'model-villages', 'river-reaches',
    ]);
    expect(manifest.district.planStart).toBe('2024-01-01');
    expect(manifest.layers[0]?.targets[0]?.where).toEqual({ property: 'plan', equals: 'demolish' });
  });

  it('names the file and the field of a bad target metric', () => {
    const error = errorOf(() => parseManifest(read('parse', 'bad-target-metric.json'), 'bad-target-metric.json'));
    expect(error.file).toBe('bad-target-metric.json');
    expect(error.path).toBe('layers[0].targets[1].metric');
    expect(error.message).toBe('bad-target-metric.json: layers[0].targets[1].metric: "area_km" is not allowed; expected one of: count, area_ha, area_mu, length_km, sum, share');
  });

  it('refuses a layer id that is not a file-safe slug, saying what an id may hold', () => {
    const error = errorOf(() => parseManifest(read('parse', 'bad-layer-id.json')));
    expect(error.path).toBe('layers[1].id');
    expect(error.message).toMatch(/: ids use lowercase letters, digits and single hyphens$/);
  });

  it('refuses what the schema file refuses, counting the problems a first message leaves out', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'geodata', 'layers.json'), 'utf8')) as { district: Record<string, unknown> };
    manifest.district.colour = '#FFFFFF';
    manifest.district.zoom = 30;
    const error = errorOf(() => parseManifest(JSON.stringify(manifest)));
    expect(error.message).toBe('layers.json: district.zoom: 30 is out of range (must be <= 22) (and 1 more; npm run check-data lists them all)');
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(errorOf(() => parseManifest('{"district": ', 'layers.json')).message).toMatch(/^layers\.json: not valid JSON/);
  });
});

describe('parseLayer', () => {
  it('reads plan features with their history and extra attributes', () => {
    const collection = parseLayer(read('geodata-mini', 'urban-villages.geojson'), 'urban-villages.geojson');
    expect(collection.features).toHaveLength(6);
    const first = collection.features[0];
    expect(first?.id).toBe('uv-001');
    expect(first?.properties).toMatchObject({ name: '东村', status: 'demolished', street: '东街道', plan: 'demolish' });
    expect(first?.properties.history[3]).toEqual({ date: '2025-03-15', status: 'demolished' });
    expect(first?.geometry?.type).toBe('Polygon');
  });

  it.each([
    ['bad-status.geojson', 'features[1] (id "rd-002").properties.status', 'expected a non-empty string, got number 3'],
    ['bad-history-date.geojson', 'features[0] (id "gs-001").properties.history[0].date', 'expected a date YYYY-MM-DD, got string "2024/05/01"'],
    ['missing-id.geojson', 'features[0].id', 'expected a non-empty string id, got nothing'],
    ['collection-geometry.geojson', 'features[0] (id "il-009").geometry.type', 'expected one of Polygon, MultiPolygon, LineString, MultiLineString, Point, MultiPoint, got string "GeometryCollection"'],
  ])('%s: names the feature and field', (file, path, problem) => {
    const error = errorOf(() => parseLayer(read('parse', file), file));
    expect(error.path).toBe(path);
    expect(error.message).toBe(`${file}: ${path}: ${problem}`);
  });

  it('reports a truncated file as invalid JSON', () => {
    expect(errorOf(() => parseLayer(read('parse', 'truncated.geojson'), 'truncated.geojson')).message).toMatch(/^truncated\.geojson: not valid JSON/);
  });
});

describe('parseGeometries', () => {
  it('accepts a FeatureCollection, a Feature or a bare geometry', () => {
    expect(parseGeometries(read('measure', 'lines.geojson'), 'lines.geojson')).toHaveLength(7);
    expect(parseGeometries('{"type":"Feature","properties":{},"geometry":null}', 'f.geojson')).toEqual([null]);
    expect(parseGeometries('{"type":"Point","coordinates":[1,2]}', 'p.geojson')).toEqual([{ type: 'Point', coordinates: [1, 2] }]);
  });
});
