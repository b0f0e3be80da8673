import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { sketchMeasure, sketchReducer, startSketch, type SketchEvent, type SketchState } from '../../../../src/domain/edits/drawingSketch';
import type { LonLat } from '../../../../src/domain/edits/localPlane';

/** Clicks 1 m apart are far from each other at this tolerance; the points below are ~100 m apart. */
const TOLERANCE_METERS = 5;
const click = (position: LonLat): SketchEvent => ({ type: 'click', position, toleranceMeters: TOLERANCE_METERS });
const run = (state: SketchState, events: SketchEvent[]) => events.reduce(sketchReducer, state);

// Clockwise on the map, as a user might click them.
const A: LonLat = [102.74, 25.0];
const B: LonLat = [102.74, 25.001];
const C: LonLat = [102.741, 25.001];
const D: LonLat = [102.741, 25.0];

describe('drawing a polygon', () => {
  it('adds a point per click and closes on a click on the first point, wound as RFC 7946 wants', () => {
    const state = run(startSketch('polygon'), [click(A), click(B), click(C), click(D)]);
    expect(state).toMatchObject({ phase: 'drawing', points: [A, B, C, D] });
    const closed = sketchReducer(state, click([A[0] + 0.00001, A[1]]));
    expect(closed.phase).toBe('finished');
    if (closed.phase !== 'finished') return;
    const ring = (closed.geometry as Polygon).coordinates[0];
    // Counterclockwise exterior: the clockwise clicks come back reversed, closed on the first point.
    expect(ring).toEqual([[...A], [...D], [...C], [...B], [...A]]);
  });

  it('finishes on Enter or on the second click of a double-click, without a duplicate point', () => {
    const entered = run(startSketch('polygon'), [click(A), click(B), click(C), { type: 'finish' }]);
    expect(entered).toMatchObject({ phase: 'finished', points: [A, B, C] });
    const doubleClicked = run(startSketch('polygon'), [click(A), click(B), click(C), click(C), { type: 'finish' }]);
    expect(doubleClicked).toMatchObject({ phase: 'finished', points: [A, B, C] });
  });

  it('refuses to finish with too few points, saying how many it needs, and keeps them', () => {
    const state = run(startSketch('polygon'), [click(A), click(B), { type: 'finish' }]);
    expect(state).toMatchObject({ phase: 'drawing', points: [A, B] });
    expect(state.phase === 'drawing' && state.problem?.en).toBe('a polygon needs at least 3 points; it has 2');
    // A click on the last point is not a second copy of it.
    expect(sketchReducer(state, click(B))).toMatchObject({ points: [A, B] });
  });

  it('refuses a bow-tie with the place it crosses, then finishes once the last point is taken back and redrawn', () => {
    const bowTie = run(startSketch('polygon'), [click(A), click(C), click(B), click(D), { type: 'finish' }]);
    expect(bowTie.phase).toBe('drawing');
    if (bowTie.phase !== 'drawing') return;
    expect(bowTie.points).toEqual([A, C, B, D]);
    expect(bowTie.problem?.en).toContain('intersects itself at [102.740500, 25.000500]');
    expect(bowTie.problem?.zh).toContain('自相交');
    const fixed = run(bowTie, [{ type: 'removeLast' }, { type: 'removeLast' }, click(D), { type: 'finish' }]);
    expect(fixed).toMatchObject({ phase: 'finished', points: [A, C, D] });
  });

  it('removes points from the end, and cancels on Esc; a finished or cancelled sketch takes no more events', () => {
    const state = run(startSketch('polygon'), [click(A), click(B), click(C), { type: 'removeLast' }]);
    expect(state).toMatchObject({ phase: 'drawing', points: [A, B] });
    const cancelled = sketchReducer(state, { type: 'cancel' });
    expect(cancelled.phase).toBe('cancelled');
    expect(sketchReducer(cancelled, click(D))).toBe(cancelled);
    const finished = run(startSketch('polygon'), [click(A), click(B), click(C), { type: 'finish' }]);
    expect(sketchReducer(finished, { type: 'removeLast' })).toBe(finished);
  });

  it('measures the sketch with the domain\'s geodesic area and length', () => {
    // 0.001° × 0.001° at 25° N: about 100.9 m × 110.8 m on the ellipsoid.
    const measure = sketchMeasure('polygon', [A, B, C, D]);
    expect(measure.areaSquareMeters / (100.9 * 110.8)).toBeCloseTo(1, 2);
    expect(measure.lengthMeters / (2 * (100.9 + 110.8))).toBeCloseTo(1, 2);
    expect(sketchMeasure('polygon', [A, B])).toMatchObject({ areaSquareMeters: 0 });
  });
});

describe('drawing a line', () => {
  it('finishes on a click on its last point once it has two, and never closes on the first', () => {
    const state = run(startSketch('line'), [click(A), click(B), click(C), click(A)]);
    expect(state).toMatchObject({ phase: 'drawing', points: [A, B, C, A] });
    const finished = sketchReducer(state, click(A));
    expect(finished.phase).toBe('finished');
    if (finished.phase === 'finished') expect(finished.geometry).toEqual({ type: 'LineString', coordinates: [[...A], [...B], [...C], [...A]] });
    expect(sketchMeasure('line', [A, B]).lengthMeters).toBeCloseTo(110.8, 0);
  });

  it('needs two points', () => {
    const state = run(startSketch('line'), [click(A), click(A), { type: 'finish' }]);
    expect(state).toMatchObject({ phase: 'drawing', points: [A] });
    expect(state.phase === 'drawing' && state.problem?.zh).toBe('线至少需要 2 个点，现有 1 个');
  });
});
