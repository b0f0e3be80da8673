import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { diffLayers, isEmptyDiff, jsonEqual } from '../../../../src/domain/changes/layerDiff';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import type { PlanFeature, PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import { LIFECYCLE_LAYER } from '../../../support/planLayers';

/** A lon/lat square near the district, `sizeDegrees` on a side. */
function square(west: number, south: number, sizeDegrees: number): Polygon {
  const east = west + sizeDegrees;
  const north = south + sizeDegrees;
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

function feature(id: string, status: string, geometry: Polygon | null, extra: Record<string, unknown> = {}): PlanFeature {
  return { type: 'Feature', id, geometry, properties: { name: id, status, history: [{ date: '2024-01-01', status }], ...extra } };
}

function layer(...features: PlanFeature[]): PlanFeatureCollection {
  return { type: 'FeatureCollection', features };
}

const a = square(102.70, 25.00, 0.001);
const b = square(102.71, 25.00, 0.002);
const bigger = square(102.71, 25.00, 0.003);
const c = square(102.72, 25.00, 0.001);

describe('diffLayers', () => {
  it('finds nothing between a layer and itself, even with keys in another order', () => {
    const before = layer(feature('A', 'pending', a, { owner: 'x', street: 's' }));
    const reordered = layer({ ...feature('A', 'pending', a), properties: { street: 's', history: [{ status: 'pending', date: '2024-01-01' }], owner: 'x', status: 'pending', name: 'A' } });
    const diff = diffLayers(LIFECYCLE_LAYER, before, reordered);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.totalAreaDeltaSquareMeters).toBe(0);
    expect(diff.areaDeltaSquareMetersById).toEqual({});
  });

  it('lists added, removed and changed ids with exact area deltas', () => {
    const before = layer(feature('A', 'pending', a), feature('B', 'working', b), feature('C', 'done', c));
    const after = layer(feature('B', 'working', bigger), feature('A', 'pending', a, { note: '新备注' }), feature('D', 'pending', c));
    const diff = diffLayers(LIFECYCLE_LAYER, before, after);
    expect(diff.added).toEqual(['D']);
    expect(diff.removed).toEqual(['C']);
    expect(diff.changed.map((change) => change.id)).toEqual(['B', 'A']);
    expect(diff.changed[1]).toEqual({ id: 'A', attributes: [{ key: 'note', after: '新备注' }], geometryChanged: false, areaDeltaSquareMeters: 0, lengthDeltaMeters: 0 });
    expect(diff.changed[0]?.geometryChanged).toBe(true);
    expect(diff.changed[0]?.attributes).toEqual([]);
    expect(diff.areaDeltaSquareMetersById).toEqual({
      B: areaSquareMeters(bigger) - areaSquareMeters(b),
      D: areaSquareMeters(c),
      C: -areaSquareMeters(c),
    });
    const totalBefore = areaSquareMeters(a) + areaSquareMeters(b) + areaSquareMeters(c);
    const totalAfter = areaSquareMeters(bigger) + areaSquareMeters(a) + areaSquareMeters(c);
    expect(diff.totalAreaDeltaSquareMeters).toBe(totalAfter - totalBefore);
  });

  it('names every project it lists, a renamed one by its new name and a removed one by its last', () => {
    const before = layer(feature('A', 'pending', a, { name: '甲村' }), feature('B', 'working', b, { name: '乙村' }), feature('C', 'done', c, { name: '丙村' }), feature('E', 'done', c, { name: '戊村' }));
    const after = layer(feature('A', 'pending', a, { name: '甲社区' }), feature('B', 'done', b, { name: '乙村' }), feature('D', 'pending', c, { name: '丁村' }), feature('E', 'done', c, { name: '戊村' }));
    expect(diffLayers(LIFECYCLE_LAYER, before, after).namesById).toEqual({ A: '甲社区', B: '乙村', C: '丙村', D: '丁村' });
  });

  it('reports attribute removals and changes with both values', () => {
    const before = layer(feature('A', 'pending', a, { owner: '甲', gone: 1 }));
    const after = layer(feature('A', 'pending', a, { owner: '乙' }));
    expect(diffLayers(LIFECYCLE_LAYER, before, after).changed[0]?.attributes).toEqual([
      { key: 'gone', before: 1 },
      { key: 'owner', before: '甲', after: '乙' },
    ]);
  });

  it('flags statuses that moved back in the lifecycle, not forward ones', () => {
    const before = layer(feature('A', 'done', a), feature('B', 'pending', b), feature('C', 'working', c));
    const after = layer(feature('A', 'working', a), feature('B', 'working', b), feature('C', 'unknown-status', c));
    const diff = diffLayers(LIFECYCLE_LAYER, before, after);
    expect(diff.statusRegressions).toEqual([{ id: 'A', from: 'done', to: 'working' }]);
    expect(diff.changed.map((change) => change.id)).toEqual(['A', 'B', 'C']);
  });

  it('counts a null geometry as zero area, and losing a geometry as minus its area', () => {
    const before = layer(feature('A', 'pending', a));
    const after = layer(feature('A', 'pending', null));
    const diff = diffLayers(LIFECYCLE_LAYER, before, after);
    expect(diff.areaDeltaSquareMetersById).toEqual({ A: -areaSquareMeters(a) });
    expect(diff.totalAreaDeltaSquareMeters).toBe(-areaSquareMeters(a));
  });

  it('shows a boundary moved between neighbours as +x and −x', () => {
    const left = square(102.70, 25.00, 0.002);
    const right = square(102.702, 25.00, 0.002);
    const shift = 0.0005;
    const movedLeft: Polygon = { type: 'Polygon', coordinates: [[[102.70, 25.00], [102.702 + shift, 25.00], [102.702 + shift, 25.002], [102.70, 25.002], [102.70, 25.00]]] };
    const movedRight: Polygon = { type: 'Polygon', coordinates: [[[102.702 + shift, 25.00], [102.704, 25.00], [102.704, 25.002], [102.702 + shift, 25.002], [102.702 + shift, 25.00]]] };
    const diff = diffLayers(LIFECYCLE_LAYER, layer(feature('L', 'pending', left), feature('R', 'pending', right)), layer(feature('L', 'pending', movedLeft), feature('R', 'pending', movedRight)));
    const gained = diff.areaDeltaSquareMetersById.L ?? 0;
    const lost = diff.areaDeltaSquareMetersById.R ?? 0;
    expect(gained).toBeGreaterThan(1000);
    expect(lost).toBeCloseTo(-gained, 6);
    expect(Math.abs(diff.totalAreaDeltaSquareMeters)).toBeLessThan(1e-6);
  });
});

describe('jsonEqual', () => {
  it('compares values, not key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });
});
