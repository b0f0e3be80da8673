import { describe, expect, it } from 'vitest';
import { districtStats } from '../../../../src/domain/progress/districtStats';
import { loadMiniGeodata } from '../../../support/planLayers';

describe('districtStats on the fixture geodata directory', () => {
  it('reports every manifest layer in order, with statuses as of the date', async () => {
    const { manifest, layers } = await loadMiniGeodata();
    const stats = districtStats(manifest, layers, { layers: {} }, '2025-06-30');
    expect(stats.layers.map((layer) => layer.layerId)).toEqual(['urban-villages', 'roads', 'idle-land']);
    const villages = stats.layers[0];
    // uv-005 entered the plan on 2025-08-01; uv-002 was demolished on 2025-09-01.
    expect(villages?.stats.totals.features).toBe(5);
    expect(villages?.stats.byStatus.demolished?.features).toBe(1);
    expect(villages?.stats.byStatus.demolishing?.features).toBe(1);
    const later = districtStats(manifest, layers, { layers: {} }, '2025-12-31').layers[0];
    expect(later?.stats.totals.features).toBe(6);
    expect(later?.stats.byStatus.demolished?.features).toBe(2);
  });

  it('filters the stats, keeps every target whole, and gives the part the filter shows', async () => {
    const { manifest, layers } = await loadMiniGeodata();
    const filter = { layers: { 'urban-villages': { statuses: [], streets: ['东街道'] } } };
    const all = districtStats(manifest, layers, { layers: {} }, '2025-12-31').layers[0];
    const east = districtStats(manifest, layers, filter, '2025-12-31').layers[0];
    expect(east?.stats.totals.features).toBe(2);
    expect(Object.keys(east?.stats.byStreet ?? {})).toEqual(['东街道']);
    expect(east?.targets).toEqual(all?.targets);
    expect(all?.targetsInView).toBeNull();
    const eastDemolished = layers[0]?.features.filter((feature) =>
      feature.properties.street === '东街道' && feature.properties.plan === 'demolish' && feature.properties.status === 'demolished').length;
    expect(east?.targetsInView?.[0]).toEqual({ targetId: 'uv-demolish', actual: eastDemolished });
    expect(east?.targetsInView?.[0]?.actual).toBeLessThan(all?.targets[0]?.actual ?? 0);
    expect(all?.targets.map((progress) => [progress.targetId, progress.actual])).toEqual([
      ['uv-demolish', 2],
      ['uv-demolish-area', expect.any(Number)],
      ['uv-renovate', 1],
    ]);
  });

  it('keeps a target whole when a status filter shows other statuses than it counts', async () => {
    const { manifest, layers } = await loadMiniGeodata();
    const onlyDemolished = { layers: { 'urban-villages': { statuses: ['demolished'], streets: [] } } };
    const all = districtStats(manifest, layers, { layers: {} }, '2025-12-31').layers[0];
    const filtered = districtStats(manifest, layers, onlyDemolished, '2025-12-31').layers[0];
    expect(filtered?.targets).toEqual(all?.targets);
    expect(filtered?.targetsInView?.find((part) => part.targetId === 'uv-renovate')?.actual).toBe(0);
    expect(filtered?.targetsInView?.find((part) => part.targetId === 'uv-demolish')?.actual).toBe(2);
  });

  it('reports zeros for a manifest layer without data', async () => {
    const { manifest } = await loadMiniGeodata();
    const stats = districtStats(manifest, [], { layers: {} }, '2025-06-30');
    expect(stats.layers.every((layer) => layer.stats.totals.features === 0)).toBe(true);
    expect(stats.layers[2]?.targets[0]).toMatchObject({ actual: 0, percent: 0, met: false });
  });
});
