import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../scripts/bench/random';
import { parcelPolygon, roadLine } from '../../../scripts/bench/cityGeometry';
import { featureProperties, lifecyclesOf } from '../../../scripts/bench/cityProperties';
import { errorCheckPolygons } from '../../../scripts/bench/areaPolygons';

const frame = { centerLongitude: 102.6959, centerLatitude: 24.997 };
const villages = {
  id: 'urban-villages', geometry: 'polygon' as const, doneStatuses: ['demolished', 'renovated'],
  statuses: ['pending', 'expropriating', 'demolishing', 'demolished', 'renovating', 'renovated'].map((id) => ({ id })),
};

function parcels(seed: number): string {
  const random = new SeededRandom(seed);
  return JSON.stringify(Array.from({ length: 50 }, (_, index) => parcelPolygon(random, frame, index * 70, 0, 70, 0.3)));
}

describe('the synthetic city generator', () => {
  it('writes the same shapes for the same seed, and others for another seed', () => {
    expect(parcels(1)).toBe(parcels(1));
    expect(parcels(1)).not.toBe(parcels(2));
  });

  it('draws closed parcels of 5 to 12 vertices, some with a hole', () => {
    const random = new SeededRandom(3);
    const polygons = Array.from({ length: 200 }, () => parcelPolygon(random, frame, 0, 0, 70, 0.3));
    for (const polygon of polygons) {
      const ring = polygon.coordinates[0] ?? [];
      expect(ring.length - 1).toBeGreaterThanOrEqual(5);
      expect(ring.length - 1).toBeLessThanOrEqual(12);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
    expect(polygons.some((polygon) => polygon.coordinates.length === 2)).toBe(true);
  });

  it('draws roads one vertex per cell', () => {
    expect(roadLine(new SeededRandom(1), frame, 0, 0, 70, 6, true).coordinates).toHaveLength(7);
  });

  it('follows the manifest lifecycles: a history ends at the status and stays in one branch', () => {
    expect(lifecyclesOf(villages)).toEqual([
      ['pending', 'expropriating', 'demolishing', 'demolished'],
      ['pending', 'renovating', 'renovated'],
    ]);
    const random = new SeededRandom(5);
    for (let index = 0; index < 100; index++) {
      const properties = featureProperties(random, villages, lifecyclesOf(villages), index, '太和街道');
      const history = properties.history as { status: string; date: string }[];
      expect(history[history.length - 1]?.status).toBe(properties.status);
      expect(history[0]?.status).toBe('pending');
      expect([...history.map((change) => change.date)].sort()).toEqual(history.map((change) => change.date));
    }
  });

  it('spreads the area-check polygons over the requested range', () => {
    const polygons = errorCheckPolygons(50, 1);
    expect(JSON.stringify(errorCheckPolygons(50, 1))).toBe(JSON.stringify(polygons));
    expect(polygons).toHaveLength(50);
  });
});
