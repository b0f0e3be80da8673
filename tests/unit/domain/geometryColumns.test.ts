import { describe, expect, it } from 'vitest';
import { geometryColumns } from '../../../src/domain/geometryColumns';
import type { PlanFeature, PlanGeometry } from '../../../src/domain/planFeature';

function feature(id: string, geometry: PlanGeometry | null): PlanFeature {
  return { type: 'Feature', id, geometry, properties: { name: id, status: 'a', history: [] } };
}

/** Twice the signed area of a triangle in the lon/lat plane. */
function triangleArea(positions: Float32Array, a: number, b: number, c: number): number {
  const [ax, ay, bx, by, cx, cy] = [positions[2 * a], positions[2 * a + 1], positions[2 * b], positions[2 * b + 1], positions[2 * c], positions[2 * c + 1]].map(Number) as [number, number, number, number, number, number];
  return Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
}

const square = (west: number, south: number, size: number) => [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];

describe('geometry flattened for the GPU', () => {
  const features = [
    feature('with-hole', { type: 'Polygon', coordinates: [square(113, 25, 0.01), square(113.004, 25.004, 0.002)] }),
    feature('nothing', null),
    feature('two-parts', { type: 'MultiPolygon', coordinates: [[square(113.02, 25, 0.01)], [square(113.04, 25, 0.005)]] }),
  ];
  const columns = geometryColumns(features, 'polygon');

  it('makes one part per polygon, each knowing its feature', () => {
    expect(columns.partCount).toBe(3);
    expect([...columns.partFeature]).toEqual([0, 2, 2]);
    expect([...columns.partStart]).toEqual([0, 10, 15, 20]);
    expect([...columns.ringStart]).toEqual([0, 5, 10, 15, 20]);
  });

  it('keeps positions within a centimetre of the data, as offsets from the origin', () => {
    expect((columns.positions[0] ?? Number.NaN) + columns.origin[0]).toBeCloseTo(113, 7);
    expect((columns.positions[1] ?? Number.NaN) + columns.origin[1]).toBeCloseTo(25, 7);
  });

  it('triangulates each polygon to exactly its area, holes left open', () => {
    const areaOfPart = (part: number) => {
      let area = 0;
      for (let index = 0; index < columns.triangles.length; index += 3) {
        const [a, b, c] = [columns.triangles[index] ?? 0, columns.triangles[index + 1] ?? 0, columns.triangles[index + 2] ?? 0];
        if (a >= (columns.partStart[part] ?? 0) && a < (columns.partStart[part + 1] ?? 0)) area += triangleArea(columns.positions, a, b, c);
      }
      return area;
    };
    expect(areaOfPart(0)).toBeCloseTo(0.01 ** 2 - 0.002 ** 2, 9);
    expect(areaOfPart(1)).toBeCloseTo(0.01 ** 2, 9);
    expect(areaOfPart(2)).toBeCloseTo(0.005 ** 2, 9);
  });

  it('flattens lines into paths without triangles', () => {
    const lines = geometryColumns([
      feature('road', { type: 'LineString', coordinates: [[113, 25], [113.01, 25], [113.01, 25.01]] }),
      feature('branches', { type: 'MultiLineString', coordinates: [[[113, 25.02], [113.02, 25.02]], [[113, 25.03], [113.02, 25.03]]] }),
    ], 'line');
    expect(lines.triangles.length).toBe(0);
    expect([...lines.partFeature]).toEqual([0, 1, 1]);
    expect([...lines.partStart]).toEqual([0, 3, 5, 7]);
    expect(lines.vertexCount).toBe(7);
  });
});
