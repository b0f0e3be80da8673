import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MultiPoint, Point } from 'geojson';
import { applyMoment } from '../../../../src/domain/edits/applyMoment';
import { moveVertex } from '../../../../src/domain/edits/moveVertex';
import { dragVertex } from '../../../../src/domain/edits/dragVertex';
import { vertexHandles } from '../../../../src/domain/edits/vertexHandles';
import { sketchReducer, startSketch } from '../../../../src/domain/edits/drawingSketch';
import { checkEditedGeometry } from '../../../../src/domain/edits/checkEditedGeometry';
import { formatPosition } from '../../../../src/domain/format/formatPosition';
import { joinShown } from '../../../../src/domain/format/joinShown';
import type { PlanFeatureCollection } from '../../../../src/domain/plan/planFeature';
import { momentOf } from './editFixtures';

const facilities = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'points', 'facilities.geojson'), 'utf8')) as PlanFeatureCollection;
const geometryOf = (collection: PlanFeatureCollection, id: string) => collection.features.find((feature) => feature.id === id)?.geometry;

describe('editing points', () => {
  it('places a point with one click', () => {
    const placed = sketchReducer(startSketch('point'), { type: 'click', position: [102.71, 24.96], toleranceMeters: 5 });
    expect(placed.phase).toBe('finished');
    expect(placed.phase === 'finished' ? placed.geometry : null).toEqual({ type: 'Point', coordinates: [102.71, 24.96] });
    const refused = sketchReducer(startSketch('point'), { type: 'finish' });
    expect(refused.phase === 'drawing' ? refused.problem?.en : '').toBe('click the map to place the point');
  });

  it('moves a Point as its own vertex, and one site of a MultiPoint', () => {
    const moved = applyMoment(facilities, momentOf(moveVertex(facilities, 'fac-001', [], [102.701, 24.951]))).collection;
    expect((geometryOf(moved, 'fac-001') as Point).coordinates).toEqual([102.701, 24.951]);
    const site = applyMoment(facilities, momentOf(moveVertex(facilities, 'fac-004', [1], [102.702, 24.952]))).collection;
    expect((geometryOf(site, 'fac-004') as MultiPoint).coordinates).toEqual([[102.7004, 24.9503], [102.702, 24.952]]);
    expect(moveVertex(facilities, 'fac-001', [], [190, 24.95]).ok).toBe(false);
  });

  it('gives a Point one handle and a MultiPoint one per site, and drags them', () => {
    expect(vertexHandles(geometryOf(facilities, 'fac-001') ?? null)).toEqual([{ path: [], position: [102.7001, 24.9501] }]);
    expect(vertexHandles(geometryOf(facilities, 'fac-004') ?? null).map((handle) => handle.path)).toEqual([[0], [1]]);
    const dragged = dragVertex(facilities, 'fac-001', [], [102.7009, 24.9509]);
    expect(dragged.geometry).toEqual({ type: 'Point', coordinates: [102.7009, 24.9509] });
  });

  it('accepts points for a point layer only', () => {
    expect(checkEditedGeometry({ type: 'Point', coordinates: [102.7, 24.95] }, 'point', 0).ok).toBe(true);
    expect(checkEditedGeometry({ type: 'Point', coordinates: [102.7, 24.95] }, 'polygon', 0).ok).toBe(false);
  });
});

describe('a point as text', () => {
  it('gives its longitude and latitude to six decimals, a MultiPoint its number of sites', () => {
    expect(formatPosition({ type: 'Point', coordinates: [102.7, 24.95] }, 'zh')).toBe('102.700000°E, 24.950000°N');
    expect(formatPosition({ type: 'MultiPoint', coordinates: [[102.7, 24.95], [102.71, 24.96]] }, 'en')).toBe('2 sites, the first at 102.700000°E, 24.950000°N');
    expect(formatPosition({ type: 'LineString', coordinates: [[102.7, 24.95], [102.71, 24.96]] }, 'zh')).toBe('');
  });

  it('joins a count and a measure without a dangling separator when a point layer has no measure', () => {
    expect(joinShown('40', '')).toBe('40');
    expect(joinShown('30', '235.46 公顷')).toBe('30 · 235.46 公顷');
  });
});
