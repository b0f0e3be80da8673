import { describe, expect, it } from 'vitest';
import { geometryColumns } from '../../../src/domain/columns/geometryColumns';
import type { PlanFeature, PlanGeometry } from '../../../src/domain/plan/planFeature';
import { segmentQuads } from '../../../src/map/segmentQuadLayer/segmentQuads';

function feature(id: string, geometry: PlanGeometry | null): PlanFeature {
  return { type: 'Feature', id, geometry, properties: { name: id, status: 'a', history: [] } };
}

describe('road segments as quads for the GPU', () => {
  const geometry = geometryColumns([
    feature('three-vertices', { type: 'LineString', coordinates: [[113, 25], [113.01, 25], [113.01, 25.01]] }),
    feature('no-geometry', null),
    feature('two-lines', { type: 'MultiLineString', coordinates: [[[113.02, 25], [113.03, 25]], [[113.04, 25], [113.05, 25.01]]] }),
  ], 'line');
  const quads = segmentQuads(geometry);

  it('makes one segment per pair of consecutive vertices of a path, never one joining two paths', () => {
    expect(quads.segmentCount).toBe(4);
    expect([...quads.segmentFeature]).toEqual([0, 0, 2, 2]);
    expect([...quads.vertexStarts]).toEqual([0, 4, 8, 12, 16]);
  });

  it('gives each of the four vertices its segment\'s two ends and a corner, and two triangles over them', () => {
    const vertex = (segment: number, corner: number) => 4 * segment + corner;
    const pair = (array: Float32Array, index: number) => [array[2 * index], array[2 * index + 1]];
    // The last segment runs from the second line's first vertex to its last.
    const last = 3;
    const from = pair(geometry.positions, 5);
    const to = pair(geometry.positions, 6);
    for (let corner = 0; corner < 4; corner++) {
      expect(pair(quads.sourcePositions, vertex(last, corner))).toEqual(from);
      expect(pair(quads.targetPositions, vertex(last, corner))).toEqual(to);
    }
    expect([0, 1, 2, 3].map((corner) => pair(quads.corners, vertex(last, corner)))).toEqual([[0, -1], [0, 1], [1, -1], [1, 1]]);
    expect([...quads.indices.subarray(6 * last)]).toEqual([12, 13, 14, 13, 15, 14]);
  });
});
