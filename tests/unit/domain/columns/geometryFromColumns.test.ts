import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { geometryColumns } from '../../../../src/domain/columns/geometryColumns';
import { geometryFromColumns } from '../../../../src/domain/columns/geometryFromColumns';
import type { PlanFeature, PlanGeometry } from '../../../../src/domain/plan/planFeature';

function feature(id: string, geometry: PlanGeometry | null): PlanFeature {
  return { type: 'Feature', id, geometry, properties: { name: id, status: 'a', history: [] } };
}

const square = (west: number, south: number, size: number): Position[] => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];

/** Every coordinate of `actual` within `tolerance` degrees of `expected`'s, same nesting. */
function expectClose(actual: unknown, expected: unknown, tolerance: number): void {
  if (typeof expected === 'number') {
    expect(Math.abs((actual as number) - expected)).toBeLessThan(tolerance);
    return;
  }
  expect(Array.isArray(actual)).toBe(true);
  expect((actual as unknown[]).length).toBe((expected as unknown[]).length);
  (expected as unknown[]).forEach((item, index) => expectClose((actual as unknown[])[index], item, tolerance));
}

describe('a feature\'s geometry from the flattened columns', () => {
  const polygons: PlanGeometry[] = [
    { type: 'Polygon', coordinates: [square(113, 25, 0.01), square(113.004, 25.004, 0.002)] },
    { type: 'MultiPolygon', coordinates: [[square(113.02, 25, 0.01)], [square(113.04, 25, 0.005), square(113.041, 25.001, 0.001)]] },
    { type: 'Polygon', coordinates: [square(113.06, 25.02, 0.003)] },
  ];
  const polygonColumns = geometryColumns([feature('a', polygons[0] ?? null), feature('none', null), feature('b', polygons[1] ?? null), feature('c', polygons[2] ?? null)], 'polygon');

  it('gives back each polygon, holes and parts included, to a centimetre', () => {
    expect(geometryFromColumns(polygonColumns, 0)?.type).toBe('Polygon');
    expectClose(geometryFromColumns(polygonColumns, 0)?.coordinates, polygons[0]?.coordinates, 1e-7);
    expect(geometryFromColumns(polygonColumns, 2)?.type).toBe('MultiPolygon');
    expectClose(geometryFromColumns(polygonColumns, 2)?.coordinates, polygons[1]?.coordinates, 1e-7);
    expectClose(geometryFromColumns(polygonColumns, 3)?.coordinates, polygons[2]?.coordinates, 1e-7);
  });

  it('gives nothing for a feature without geometry or an index out of range', () => {
    expect(geometryFromColumns(polygonColumns, 1)).toBeNull();
    expect(geometryFromColumns(polygonColumns, -1)).toBeNull();
    expect(geometryFromColumns(polygonColumns, 99)).toBeNull();
  });

  it('gives back lines and multi-lines', () => {
    const road: PlanGeometry = { type: 'LineString', coordinates: [[113, 25], [113.01, 25], [113.01, 25.01]] };
    const branches: PlanGeometry = { type: 'MultiLineString', coordinates: [[[113, 25.02], [113.02, 25.02]], [[113, 25.03], [113.02, 25.03]]] };
    const lineColumns = geometryColumns([feature('road', road), feature('branches', branches)], 'line');
    expect(geometryFromColumns(lineColumns, 0)?.type).toBe('LineString');
    expectClose(geometryFromColumns(lineColumns, 0)?.coordinates, road.coordinates, 1e-7);
    expect(geometryFromColumns(lineColumns, 1)?.type).toBe('MultiLineString');
    expectClose(geometryFromColumns(lineColumns, 1)?.coordinates, branches.coordinates, 1e-7);
  });
});
