import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { localPlane, type LonLat } from '../../../../src/domain/edits/localPlane';
import { buildSnapIndex, segmentsOf } from '../../../../src/domain/edits/snapIndex';
import { snapPoint, snapToleranceMeters, type SnapResult } from '../../../../src/domain/edits/snapPoint';
import { metersPerPixel } from '../../../../src/domain/measure/mapScale';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { loadFixture } from './editFixtures';

const villages = buildSnapIndex('urban-villages', loadFixture('villages').features);
const roads = buildSnapIndex('roads', loadFixture('roads').features);

describe('snapping a pointer to neighbouring features', () => {
  it('takes a nearby corner with the neighbour\'s exact coordinates and says whose vertex it is', () => {
    const snapped = snapPoint([102.70204, 25.00203], 10, [villages, roads]);
    expect(snapped).toMatchObject({ kind: 'vertex', position: [102.702, 25.002], layerId: 'urban-villages', featureId: 'UV-001', path: [0, 2] });
  });

  it('prefers a vertex within the tolerance to an edge that is nearer', () => {
    // 5.6 m above UV-001's south edge, 50 m from its south-east corner.
    const pointer: LonLat = [102.7015, 25.00005];
    expect(snapPoint(pointer, 60, [villages])).toMatchObject({ kind: 'vertex', position: [102.702, 25.0], path: [0, 1] });
    const onEdge = snapPoint(pointer, 20, [villages]);
    expect(onEdge).toMatchObject({ kind: 'edge', featureId: 'UV-001', path: [0, 0] });
    expect(onEdge.position[0]).toBeCloseTo(102.7015, 9);
    expect(onEdge.position[1]).toBeCloseTo(25.0, 9);
  });

  it('snaps to nothing beyond the tolerance, and returns the pointer as it was', () => {
    expect(snapPoint([102.706, 25.003], 50, [villages, roads])).toEqual({ kind: 'none', position: [102.706, 25.003] });
    expect(snapPoint([102.70204, 25.00203], 0, [villages])).toEqual({ kind: 'none', position: [102.70204, 25.00203] });
  });

  it('reports a ring\'s closing position as its first vertex, and reaches holes, parts and lines', () => {
    expect(snapPoint([102.69999, 24.99999], 5, [villages])).toMatchObject({ kind: 'vertex', featureId: 'UV-001', path: [0, 0] });
    expect(snapPoint([102.71101, 25.00101], 5, [villages])).toMatchObject({ kind: 'vertex', featureId: 'UV-002', path: [1, 0], position: [102.711, 25.001] });
    expect(snapPoint([102.72501, 25.00099], 5, [villages])).toMatchObject({ kind: 'vertex', featureId: 'UV-003', path: [1, 0, 3], position: [102.725, 25.001] });
    expect(snapPoint([102.72, 25.01003], 5, [roads])).toMatchObject({ kind: 'vertex', layerId: 'roads', featureId: 'RD-01', path: [2] });
    expect(snapPoint([102.725, 25.02501], 5, [roads])).toMatchObject({ kind: 'edge', featureId: 'RD-02', path: [1, 0] });
  });

  it('does not snap a feature being edited to itself', () => {
    const exclude = { excludeFeature: { layerId: 'urban-villages', featureId: 'UV-001' } };
    expect(snapPoint([102.70204, 25.00203], 10, [villages], exclude).kind).toBe('none');
    // The same id in another layer is another feature.
    expect(snapPoint([102.72, 25.01003], 5, [roads], { excludeFeature: { layerId: 'urban-villages', featureId: 'RD-01' } }).kind).toBe('vertex');
  });

  it('converts a tolerance in pixels to metres at the map\'s zoom', () => {
    expect(snapToleranceMeters(10, 25, 16)).toBeCloseTo(10 * metersPerPixel(25, 16), 12);
    expect(snapToleranceMeters(10, 25, 15)).toBeCloseTo(2 * snapToleranceMeters(10, 25, 16), 9);
  });
});

/** A city's worth of small parcels and one road crossing all of them. */
function manyParcels(): PlanFeature[] {
  const features: PlanFeature[] = [];
  for (let column = 0; column < 100; column++)
    for (let row = 0; row < 100; row++) {
      const west = 102.6 + column * 0.0012;
      const south = 24.9 + row * 0.0011;
      const ring = [[west, south], [west + 0.001, south], [west + 0.001, south + 0.0009], [west, south + 0.0009], [west, south]];
      const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
      features.push({ type: 'Feature', id: `P-${column}-${row}`, properties: { name: 'p', status: 'pending', history: [] }, geometry });
    }
  features.push({ type: 'Feature', id: 'ROAD', properties: { name: 'r', status: 'planned', history: [] }, geometry: { type: 'LineString', coordinates: [[102.6, 24.9], [102.72, 25.01]] } });
  return features;
}

/** Every vertex and edge measured, no grid: what the index must agree with. */
function bruteForceSnap(features: PlanFeature[], pointer: LonLat, toleranceMeters: number): SnapResult['kind'] | string {
  const plane = localPlane(pointer);
  let vertex: { distance: number; at: string } | undefined;
  let edge: { distance: number; at: string } | undefined;
  for (const feature of features)
    for (const segment of feature.geometry ? segmentsOf(feature.id, feature.geometry) : []) {
      const a = plane.toMeters(segment.a);
      const b = plane.toMeters(segment.b);
      for (const [end, position] of [[a, segment.a], [b, segment.b]] as const) {
        const distance = Math.hypot(end[0], end[1]);
        if (distance <= toleranceMeters && (!vertex || distance < vertex.distance)) vertex = { distance, at: `vertex ${position.join(',')}` };
      }
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const t = Math.min(1, Math.max(0, -(a[0] * dx + a[1] * dy) / (dx * dx + dy * dy)));
      const distance = Math.hypot(a[0] + t * dx, a[1] + t * dy);
      if (distance <= toleranceMeters && (!edge || distance < edge.distance)) edge = { distance, at: `edge of ${feature.id}` };
    }
  return vertex?.at ?? edge?.at ?? 'none';
}

describe('the snap grid', () => {
  it('finds what a scan of every segment finds, among ten thousand parcels and a long road', () => {
    const features = manyParcels();
    const index = buildSnapIndex('parcels', features);
    expect(index.wide.length).toBeGreaterThan(0);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const kinds = new Set<string>();
    for (let trial = 0; trial < 300; trial++) {
      const pointer: LonLat = [102.6 + random() * 0.12, 24.9 + random() * 0.11];
      const toleranceMeters = 2 + random() * 30;
      const snapped = snapPoint(pointer, toleranceMeters, [index]);
      const described = snapped.kind === 'vertex' ? `vertex ${snapped.position.join(',')}` : snapped.kind === 'edge' ? `edge of ${snapped.featureId}` : 'none';
      expect(described, `pointer ${pointer.join(',')} within ${toleranceMeters} m`).toBe(bruteForceSnap(features, pointer, toleranceMeters));
      kinds.add(snapped.kind);
    }
    expect([...kinds].sort()).toEqual(['edge', 'none', 'vertex']);
  });
});
