import type { Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlConflicts } from '../../../../src/domain/control/controlConflicts';
import { controlLineShape, type ControlLineShape } from '../../../../src/domain/control/controlLineShape';
import type { ControlLineRule } from '../../../../src/domain/control/controlLineContract';
import { areaSquareMeters } from '../../../../src/domain/measure/areaSquareMeters';
import { lengthMeters } from '../../../../src/domain/measure/lengthMeters';
import { referenceArea, relativeError } from '../../../support/geodesicReference';

const box = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

function shapeOf(rule: ControlLineRule, ...polygons: Polygon[]): ControlLineShape {
  return controlLineShape(
    { id: rule === 'forbidden' ? 'red-line' : 'urban-boundary', name: { zh: '管控线', en: 'Control line' }, color: '#cc0000', style: 'outline', rule },
    polygons.map((geometry, index) => ({ type: 'Feature', geometry, properties: { name: `区域 ${index + 1}` } })),
  );
}

// The control area starts halfway across the project square, at 102.705° E.
const redLine = shapeOf('forbidden', box(102.705, 24.99, 102.72, 25.02));
const boundary = shapeOf('outside-forbidden', box(102.705, 24.99, 102.72, 25.02));
const project = box(102.7, 25.0, 102.71, 25.01);
const easternHalf = box(102.705, 25.0, 102.71, 25.01);

describe('a project that reaches into a forbidden control line', () => {
  it('conflicts with the area inside, measured on the ellipsoid, and its share of the project', () => {
    const [conflict, ...others] = controlConflicts(project, [redLine]);
    expect(others).toEqual([]);
    expect(conflict?.controlLineId).toBe('red-line');
    // GeographicLib's area of the eastern half, computed apart from the code under test.
    expect(relativeError(conflict?.areaSquareMeters ?? 0, referenceArea(easternHalf))).toBeLessThan(1e-7);
    expect(relativeError(conflict?.areaSquareMeters ?? 0, areaSquareMeters(easternHalf))).toBeLessThan(1e-9);
    expect(conflict?.share).toBeCloseTo(0.5, 6);
    expect(conflict?.partNames).toEqual(['区域 1']);
  });

  it('is the whole project when it lies inside, and nothing when it lies outside', () => {
    const within = box(102.71, 25.0, 102.715, 25.005);
    expect(controlConflicts(within, [redLine])[0]?.share).toBe(1);
    expect(controlConflicts(within, [redLine])[0]?.areaSquareMeters).toBe(areaSquareMeters(within));
    expect(controlConflicts(box(102.68, 25.0, 102.69, 25.01), [redLine])).toEqual([]);
  });

  it('measures a line by its length inside', () => {
    const road: Geometry = { type: 'LineString', coordinates: [[102.7, 25.005], [102.708, 25.005], [102.73, 25.005]] };
    const insidePart: Position[] = [[102.705, 25.005], [102.708, 25.005], [102.72, 25.005]];
    const [conflict] = controlConflicts(road, [redLine]);
    expect(relativeError(conflict?.lengthMeters ?? 0, lengthMeters({ type: 'LineString', coordinates: insidePart }))).toBeLessThan(1e-9);
    expect(conflict?.share).toBeCloseTo(15 / 30, 3);
    expect(conflict?.areaSquareMeters).toBe(0);
  });

  it('counts a point inside, and the share of a multi-point inside', () => {
    expect(controlConflicts({ type: 'Point', coordinates: [102.71, 25.0] }, [redLine])[0]).toMatchObject({ pointCount: 1, share: 1 });
    expect(controlConflicts({ type: 'Point', coordinates: [102.70, 25.0] }, [redLine])).toEqual([]);
    const wells: Geometry = { type: 'MultiPoint', coordinates: [[102.70, 25.0], [102.71, 25.0], [102.715, 25.0], [102.69, 25.0]] };
    expect(controlConflicts(wells, [redLine])[0]).toMatchObject({ pointCount: 2, share: 0.5 });
  });

  it('ignores a project that only shares an edge with the line', () => {
    expect(controlConflicts(box(102.7, 25.0, 102.705, 25.01), [redLine])).toEqual([]);
  });
});

describe('a project outside the urban development boundary', () => {
  it('conflicts with the part outside the boundary', () => {
    const [conflict] = controlConflicts(project, [boundary]);
    const westernHalf = box(102.7, 25.0, 102.705, 25.01);
    expect(relativeError(conflict?.areaSquareMeters ?? 0, referenceArea(westernHalf))).toBeLessThan(1e-7);
    expect(conflict?.share).toBeCloseTo(0.5, 6);
    expect(conflict?.partNames).toEqual([]);
  });

  it('does not conflict inside the boundary, and conflicts wholly far outside it', () => {
    expect(controlConflicts(box(102.71, 25.0, 102.715, 25.005), [boundary])).toEqual([]);
    expect(controlConflicts(box(102.6, 25.0, 102.61, 25.01), [boundary])[0]?.share).toBe(1);
    expect(controlConflicts({ type: 'Point', coordinates: [102.6, 25.0] }, [boundary])[0]).toMatchObject({ pointCount: 1, share: 1 });
  });

  it('lists every line a project breaks, in the order given', () => {
    const far = box(102.6, 25.0, 102.61, 25.01);
    expect(controlConflicts(project, [redLine, boundary]).map((conflict) => conflict.controlLineId)).toEqual(['red-line', 'urban-boundary']);
    expect(controlConflicts(far, [redLine, boundary]).map((conflict) => conflict.controlLineId)).toEqual(['urban-boundary']);
  });
});
