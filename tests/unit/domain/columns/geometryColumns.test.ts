import { describe, expect, it } from 'vitest';
import { geometryColumns, OVERVIEW_MAX_ZOOM, type OverviewGeometry } from '../../../../src/domain/columns/geometryColumns';
import type { PlanFeature, PlanGeometry } from '../../../../src/domain/plan/planFeature';

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

/** A closed ring of `count` points on a circle (degrees), each pushed out or in by up to `wobble`. */
function wobblyCircle(center: [number, number], radius: number, count: number, wobble: number): number[][] {
  const ring = Array.from({ length: count }, (_, index) => {
    const angle = (2 * Math.PI * index) / count;
    const r = radius + wobble * Math.sin(index * 7.3);
    return [center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle)];
  });
  return [...ring, ring[0] ?? []];
}

/** Half a pixel at the overview's last zoom, in degrees of longitude (512-pixel tiles). */
const HALF_PIXEL_DEGREES = (0.5 * 360) / (512 * 2 ** OVERVIEW_MAX_ZOOM);

function overviewArea(overview: OverviewGeometry, part: number): number {
  let area = 0;
  for (let index = 0; index < overview.triangles.length; index += 3) {
    const [a, b, c] = [overview.triangles[index] ?? 0, overview.triangles[index + 1] ?? 0, overview.triangles[index + 2] ?? 0];
    if (a >= (overview.partStart[part] ?? 0) && a < (overview.partStart[part + 1] ?? 0)) area += triangleArea(overview.positions, a, b, c);
  }
  return area;
}

describe('the overview geometry drawn below the overview zoom', () => {
  const detailed = wobblyCircle([113, 25], 0.01, 400, HALF_PIXEL_DEGREES / 3);
  const features = [
    feature('detailed', { type: 'Polygon', coordinates: [detailed] }),
    feature('tiny', { type: 'Polygon', coordinates: [wobblyCircle([113.05, 25], HALF_PIXEL_DEGREES / 4, 12, 0)] }),
    feature('holes', { type: 'MultiPolygon', coordinates: [[square(113.1, 25, 0.01), square(113.104, 25.004, 0.002), square(113.101, 25.001, HALF_PIXEL_DEGREES / 8)]] }),
  ];
  const columns = geometryColumns(features, 'polygon');
  const overview = columns.overview as OverviewGeometry;

  it('has the same parts, with fewer vertices, each one a vertex of the full geometry', () => {
    expect(overview.partStart.length).toBe(columns.partCount + 1);
    expect(overview.vertexCount).toBeLessThan(columns.vertexCount / 2);
    for (let part = 0; part < columns.partCount; part++) {
      const full = new Set<string>();
      for (let vertex = columns.partStart[part] ?? 0; vertex < (columns.partStart[part + 1] ?? 0); vertex++) full.add(`${columns.positions[2 * vertex]},${columns.positions[2 * vertex + 1]}`);
      for (let vertex = overview.partStart[part] ?? 0; vertex < (overview.partStart[part + 1] ?? 0); vertex++) {
        expect(full.has(`${overview.positions[2 * vertex]},${overview.positions[2 * vertex + 1]}`)).toBe(true);
      }
    }
  });

  it('covers each polygon within half a pixel of its outline', () => {
    const fullArea = Math.PI * 0.01 ** 2;
    const perimeter = 2 * Math.PI * 0.01;
    // Moving every edge by at most the tolerance changes the area by at most perimeter × tolerance.
    expect(Math.abs(overviewArea(overview, 0) - fullArea)).toBeLessThan(perimeter * HALF_PIXEL_DEGREES * 1.2);
    expect(overviewArea(overview, 0)).toBeGreaterThan(0);
  });

  it('keeps a parcel smaller than a pixel as a triangle, so that it is still drawn', () => {
    expect((overview.partStart[2] ?? 0) - (overview.partStart[1] ?? 0)).toBe(4);
    expect(overviewArea(overview, 1)).toBeGreaterThan(0);
  });

  it('keeps holes that can be seen and drops those that cannot', () => {
    const ringsOfPart = [...overview.ringStart].filter((start, ring) => ring < overview.ringStart.length - 1 && start >= (overview.partStart[2] ?? 0) && start < (overview.partStart[3] ?? 0));
    expect(ringsOfPart.length).toBe(2);
    expect(overviewArea(overview, 2)).toBeCloseTo(0.01 ** 2 - 0.002 ** 2, 9);
  });

  it('is not made for lines', () => {
    expect(geometryColumns([feature('road', { type: 'LineString', coordinates: [[113, 25], [113.01, 25]] })], 'line').overview).toBeUndefined();
  });
});
