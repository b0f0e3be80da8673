import type { Geometry, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { exportGeoJsonText } from '../../../../src/domain/export/exportGeoJsonText';
import { statusAsOf } from '../../../../src/domain/progress/statusAsOf';
import { rewindGeometry } from '../../../../src/domain/validation/rewindGeometry';
import { LIFECYCLE_LAYER } from '../../../support/planLayers';
import { layerById, sampleLayers } from './sampleLayers';

let layers: MeasuredLayer[] = [];
beforeAll(async () => { layers = await sampleLayers(); });

interface ParsedCollection {
  type: string;
  crs?: unknown;
  features: { type: string; id: string; geometry: Geometry | null; properties: Record<string, unknown> }[];
}

function positionsOf(geometry: Geometry | null): Position[] {
  if (!geometry || geometry.type === 'GeometryCollection') return [];
  const positions: Position[] = [];
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') positions.push(value as Position);
    else value.forEach(walk);
  };
  walk(geometry.coordinates);
  return positions;
}

/** Signed area by the shoelace formula: positive for counterclockwise rings. */
function signedArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[index + 1] ?? [];
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

const feature = (id: string, geometry: Geometry | null, properties: Record<string, unknown>): PlanFeature =>
  ({ type: 'Feature', id, geometry, properties } as PlanFeature);

describe('GeoJSON export (RFC 7946)', () => {
  it('reads back as the same features, every coordinate within 1e-7 degrees', () => {
    for (const layer of layers) {
      const parsed = JSON.parse(exportGeoJsonText(layer.definition, layer.features)) as ParsedCollection;
      expect(parsed.type).toBe('FeatureCollection');
      expect(parsed.features.map((exported) => exported.id)).toEqual(layer.features.map((original) => original.id));
      parsed.features.forEach((exported, index) => {
        const original = layer.features[index];
        if (!original) throw new Error('feature count differs');
        expect(exported.properties).toEqual(original.properties);
        const expected = positionsOf(original.geometry && rewindGeometry(original.geometry).geometry);
        const actual = positionsOf(exported.geometry);
        expect(actual).toHaveLength(expected.length);
        actual.forEach(([x = 0, y = 0], position) => {
          const [ex = 0, ey = 0] = expected[position] ?? [];
          expect(Math.abs(x - ex)).toBeLessThanOrEqual(0.5e-7 + 1e-12);
          expect(Math.abs(y - ey)).toBeLessThanOrEqual(0.5e-7 + 1e-12);
        });
      });
    }
  });

  it('writes at most 7 decimals, no crs member, and one feature per line', () => {
    const layer = layerById(layers, 'urban-villages');
    const text = exportGeoJsonText(layer.definition, layer.features);
    const parsed = JSON.parse(text) as ParsedCollection;
    expect(parsed.crs).toBeUndefined();
    const decimals = [...text.matchAll(/-?\d+\.(\d+)/g)].map((match) => match[1]?.length ?? 0);
    expect(decimals.length).toBeGreaterThan(1000);
    expect(Math.max(...decimals)).toBe(7);
    const featureLines = text.split('\n').filter((line) => line.startsWith('{"type":"Feature"'));
    expect(featureLines).toHaveLength(layer.features.length);
  });

  it('rounds to 7 decimals and rewinds rings to the right-hand rule: exterior counterclockwise, holes clockwise', () => {
    const clockwiseShell = [[102.7, 25.0], [102.7, 25.01], [102.71, 25.01], [102.71, 25.0], [102.7, 25.0]];
    const counterclockwiseHole = [[102.702, 25.002], [102.708, 25.002], [102.708, 25.008], [102.702, 25.008], [102.702, 25.002]];
    const polygon: Geometry = { type: 'Polygon', coordinates: [clockwiseShell, counterclockwiseHole] };
    const text = exportGeoJsonText(LIFECYCLE_LAYER, [
      feature('wound', polygon, { name: 'a', status: 'pending', history: [] }),
      feature('precise', { type: 'LineString', coordinates: [[102.123456789, 25.987654321], [-0.00000001, 1.00000005]] }, { name: 'b', status: 'pending', history: [] }),
    ]);
    const parsed = JSON.parse(text) as ParsedCollection;
    const [wound, precise] = parsed.features;
    if (wound?.geometry?.type !== 'Polygon' || precise?.geometry?.type !== 'LineString') throw new Error('geometry types changed');
    const [shell = [], hole = []] = wound.geometry.coordinates;
    expect(signedArea(shell)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    expect(precise.geometry.coordinates).toEqual([[102.1234568, 25.9876543], [0, 1.0000001]]);
    expect(text).not.toContain('-0,');
  });

  it('orders keys the same way whatever order the data had: Feature members, schema fields, then the rest by code point', () => {
    const definition = { ...LIFECYCLE_LAYER, attributes: [{ property: 'street', label: { zh: '街道', en: 'Street' } }, { property: 'plan', label: { zh: '方式', en: 'Plan' } }] };
    const history = [{ status: 'pending', date: '2024-01-01' }];
    const one = feature('x', null, { zeta: 1, plan: 'renovate', Alpha: { b: 2, a: 1 }, history, status: 'pending', street: '东街道', name: '甲', 中文: '值', alpha: true });
    const reordered = feature('x', null, { alpha: true, 中文: '值', name: '甲', street: '东街道', status: 'pending', history: [{ date: '2024-01-01', status: 'pending' }], Alpha: { a: 1, b: 2 }, plan: 'renovate', zeta: 1 });
    const text = exportGeoJsonText(definition, [one]);
    expect(exportGeoJsonText(definition, [reordered])).toBe(text);
    const line = text.split('\n').find((candidate) => candidate.startsWith('{"type":"Feature"'));
    expect(line).toBe('{"type":"Feature","id":"x","geometry":null,"properties":{"name":"甲","status":"pending","history":[{"date":"2024-01-01","status":"pending"}],"street":"东街道","plan":"renovate","Alpha":{"a":1,"b":2},"alpha":true,"zeta":1,"中文":"值"}}');
  });

  it('gives byte-identical files for the same data, and keeps a "__proto__" attribute as data', () => {
    const layer = layerById(layers, 'roads');
    expect(exportGeoJsonText(layer.definition, layer.features)).toBe(exportGeoJsonText(layer.definition, structuredClone(layer.features)));
    const hostile = JSON.parse('{"name":"n","status":"pending","history":[],"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const parsed = JSON.parse(exportGeoJsonText(LIFECYCLE_LAYER, [feature('h', null, hostile)])) as ParsedCollection;
    expect(Object.hasOwn(parsed.features[0]?.properties ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the layer and writes an empty selection as an empty collection', () => {
    const parsed = JSON.parse(exportGeoJsonText(LIFECYCLE_LAYER, [])) as ParsedCollection & { name: string };
    expect(parsed).toEqual({ type: 'FeatureCollection', name: 'test-layer', features: [] });
  });

  it('gives each feature its status on a past day in properties of its own, and keeps its current status', () => {
    const layer = layerById(layers, 'urban-villages');
    const asOfDate = '2024-06-30';
    const parsed = JSON.parse(exportGeoJsonText(layer.definition, layer.features, { statusAsOfDate: asOfDate })) as ParsedCollection;
    parsed.features.forEach((exported, index) => {
      const original = layer.features[index];
      if (!original) throw new Error('feature count differs');
      expect(exported.properties).toEqual({ ...original.properties, status_as_of: statusAsOf(original.properties, asOfDate), status_as_of_date: asOfDate });
    });
    expect(parsed.features.some((exported) => exported.properties.status_as_of !== exported.properties.status)).toBe(true);

    const clash = JSON.parse(exportGeoJsonText(LIFECYCLE_LAYER, [feature('c', null, { name: 'c', status: 'done', history: [{ date: '2025-01-01', status: 'done' }], status_as_of: 'mine' })], { statusAsOfDate: '2024-12-31' })) as ParsedCollection;
    expect(clash.features[0]?.properties).toMatchObject({ status: 'done', status_as_of: null, status_as_of_attribute: 'mine', status_as_of_date: '2024-12-31' });
  });
});
