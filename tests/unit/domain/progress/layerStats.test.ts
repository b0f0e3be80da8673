import { describe, expect, it } from 'vitest';
import { layerStats } from '../../../../src/domain/progress/layerStats';
import { statusResolverAsOf } from '../../../../src/domain/progress/statusAsOf';
import { handMadeLayer, loadMiniGeodata } from '../../../support/planLayers';

const layer = handMadeLayer([
  { status: 'pending', street: '东街道', areaSquareMeters: 1_000.25, lengthMeters: 10 },
  { status: 'done', street: '西街道', areaSquareMeters: 2_000.5, lengthMeters: 20 },
  { status: 'done', street: '东街道', areaSquareMeters: 4_000.125, lengthMeters: 40 },
  { status: 'done', areaSquareMeters: 8_000, lengthMeters: 80 },
]);

describe('layerStats', () => {
  it('sums counts, areas and lengths, unrounded', () => {
    const stats = layerStats(layer);
    expect(stats.layerId).toBe('test-layer');
    expect(stats.totals).toEqual({ features: 4, areaSquareMeters: 15_000.875, lengthMeters: 150 });
  });

  it('has an entry for every lifecycle status, zeros included, in lifecycle order', () => {
    const stats = layerStats(layer);
    expect(Object.keys(stats.byStatus)).toEqual(['pending', 'working', 'done']);
    expect(stats.byStatus.working).toEqual({ features: 0, areaSquareMeters: 0, lengthMeters: 0 });
    expect(stats.byStatus.done).toEqual({ features: 3, areaSquareMeters: 14_000.625, lengthMeters: 140 });
  });

  it('groups by street, features without one under the empty string', () => {
    const stats = layerStats(layer);
    expect(stats.byStreet).toEqual({
      '': { features: 1, areaSquareMeters: 8_000, lengthMeters: 80 },
      东街道: { features: 2, areaSquareMeters: 5_000.375, lengthMeters: 50 },
      西街道: { features: 1, areaSquareMeters: 2_000.5, lengthMeters: 20 },
    });
  });

  it('counts only the included features', () => {
    const stats = layerStats(layer, { include: (index) => index !== 1 });
    expect(stats.totals.features).toBe(3);
    expect(stats.byStatus.done?.features).toBe(2);
    expect(stats.byStreet['西街道']).toBeUndefined();
  });

  it('uses the resolved statuses and leaves out features that had none yet', () => {
    const stats = layerStats(layer, { statusOf: (index) => (index === 0 ? null : 'working') });
    expect(stats.totals.features).toBe(3);
    expect(stats.byStatus.working?.features).toBe(3);
    expect(stats.byStatus.pending?.features).toBe(0);
  });

  it('lists a status missing from the lifecycle after the lifecycle, so entries still sum to totals', () => {
    const stats = layerStats(handMadeLayer([{ status: 'pending' }, { status: 'mystery' }]));
    expect(Object.keys(stats.byStatus)).toEqual(['pending', 'working', 'done', 'mystery']);
  });

  it('sums byStatus and byStreet to the totals on real files', async () => {
    const { layers } = await loadMiniGeodata();
    for (const measured of layers) {
      const stats = layerStats(measured, { statusOf: statusResolverAsOf(measured.features, '2025-06-30') });
      for (const groups of [stats.byStatus, stats.byStreet]) {
        const entries = Object.values(groups);
        expect(entries.reduce((sum, entry) => sum + entry.features, 0)).toBe(stats.totals.features);
        expect(entries.reduce((sum, entry) => sum + entry.areaSquareMeters, 0)).toBeCloseTo(stats.totals.areaSquareMeters, 6);
        expect(entries.reduce((sum, entry) => sum + entry.lengthMeters, 0)).toBeCloseTo(stats.totals.lengthMeters, 6);
      }
    }
  });
});
