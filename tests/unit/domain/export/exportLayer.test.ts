import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../../src/domain/plan/manifest';
import type { MeasuredLayer } from '../../../../src/domain/measure/measuredLayer';
import { districtStats } from '../../../../src/domain/progress/districtStats';
import { statusAsOf } from '../../../../src/domain/progress/statusAsOf';
import { exportLayer } from '../../../../src/domain/export/exportLayer';
import { readGeodataDirectory } from '../../../../src/data/readGeodataDirectory';
import { join } from 'node:path';
import { layerById, sampleLayers } from './sampleLayers';

let layers: MeasuredLayer[] = [];
let manifest: Manifest | undefined;
beforeAll(async () => {
  layers = await sampleLayers();
  manifest = (await readGeodataDirectory(join(import.meta.dirname, '..', '..', '..', '..', 'geodata'))).manifest;
});

interface Collection {
  features: { id: string }[];
}

describe('choosing what to export', () => {
  it('exports the whole layer, projects not yet started included', () => {
    const layer = layerById(layers, 'old-neighborhoods');
    const result = exportLayer(layer, { format: 'geojson', scope: { kind: 'layer' }, locale: 'zh', date: '2024-02-01' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.file).toMatchObject({ fileName: 'old-neighborhoods-2024-02-01.geojson', mediaType: 'application/geo+json', epsg: 4326, featureCount: layer.features.length });
    expect((JSON.parse(result.file.text) as Collection).features.map((feature) => feature.id)).toEqual(layer.features.map((feature) => feature.id));
  });

  it('exports the filtered selection: the statuses on the day shown and the chosen sub-districts, as the panels count them', () => {
    if (!manifest) throw new Error('manifest not read');
    const layer = layerById(layers, 'urban-villages');
    const asOfDate = '2025-06-30';
    const street = layer.features[0]?.properties.street ?? '';
    const filter = { statuses: ['demolishing', 'expropriating'], streets: [street] };
    const result = exportLayer(layer, { format: 'csv', scope: { kind: 'filtered', filter, asOfDate }, locale: 'zh', date: asOfDate });
    if (!result.ok) throw new Error(result.reason);
    const expected = layer.features
      .filter((feature) => filter.statuses.includes(statusAsOf(feature.properties, asOfDate) ?? '') && feature.properties.street === street)
      .map((feature) => feature.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(layer.features.length);
    const ids = result.file.text.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(ids).toEqual(expected);
    const stats = districtStats(manifest, layers, { layers: { [layer.definition.id]: filter } }, asOfDate);
    expect(result.file.featureCount).toBe(stats.layers.find((summary) => summary.layerId === layer.definition.id)?.stats.totals.features);
    expect(result.file).toMatchObject({ fileName: 'urban-villages-2025-06-30.csv', mediaType: 'text/csv;charset=utf-8' });
    expect(result.file.epsg).toBeUndefined();
  });

  it('leaves out projects that had not started on the day shown, even without a status filter', () => {
    const layer = layerById(layers, 'idle-land');
    const early = '2024-01-15';
    const result = exportLayer(layer, { format: 'geojson', scope: { kind: 'filtered', filter: undefined, asOfDate: early }, locale: 'en', date: early });
    if (!result.ok) throw new Error(result.reason);
    const started = layer.features.filter((feature) => statusAsOf(feature.properties, early) !== null).length;
    expect(started).toBeLessThan(layer.features.length);
    expect(result.file.featureCount).toBe(started);
  });
});
