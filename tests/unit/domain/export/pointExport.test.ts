import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayer, parseManifest } from '../../../../src/data/parseGeodata';
import { measureLayer } from '../../../../src/domain/measure/measuredLayer';
import { exportLayer } from '../../../../src/domain/export/exportLayer';
import { parseCsv } from '../../../support/parseCsv';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'points');

/** The exported file; a failed export fails the test. */
function fileOf(result: ReturnType<typeof exportLayer>) {
  if (!result.ok) throw new Error(result.reason);
  return result.file;
}

function facilities() {
  const [definition] = parseManifest(readFileSync(join(FIXTURES, 'layers.json'), 'utf8')).layers;
  if (!definition) throw new Error('the fixture has a layer');
  return measureLayer(definition, parseLayer(readFileSync(join(FIXTURES, 'facilities.geojson'), 'utf8'), 'facilities.geojson'));
}

describe('exporting a point layer', () => {
  const layer = facilities();

  it('writes a CSV with each point\'s longitude and latitude instead of an area or a length', () => {
    const file = fileOf(exportLayer(layer, { format: 'csv', scope: { kind: 'layer' }, locale: 'zh', date: '2026-06-15' }));
    const [header = [], ...rows] = parseCsv(file.text.slice(1));
    expect(header).toEqual(['编号', '名称', '街道', '经度', '纬度', '状态', '状态日期', '状态历程']);
    expect(rows[0]?.slice(0, 5)).toEqual(['fac-001', '设施1', '东街道', '102.7001', '24.9501']);
    // A MultiPoint gives its first site.
    expect(rows[3]?.slice(3, 5)).toEqual(['102.7004', '24.9503']);
  });

  it('writes GeoJSON with Points and MultiPoints as they are, and a filter counts points', () => {
    const file = fileOf(exportLayer(layer, { format: 'geojson', scope: { kind: 'filtered', filter: { statuses: ['opened'], streets: [] }, asOfDate: '2026-06-15' }, locale: 'zh', date: '2026-06-15' }));
    expect(file.featureCount).toBe(2);
    const collection = JSON.parse(file.text) as { features: { id: string; geometry: { type: string; coordinates: number[] } }[] };
    expect(collection.features.map((feature) => [feature.id, feature.geometry.type, feature.geometry.coordinates])).toEqual([
      ['fac-001', 'Point', [102.7001, 24.9501]],
      ['fac-002', 'Point', [102.7003, 24.9502]],
    ]);
  });

  it('projects points into a Gauss-Krüger zone for QGIS', () => {
    const file = fileOf(exportLayer(layer, { format: 'gauss-kruger', scope: { kind: 'layer' }, locale: 'zh', date: '2026-06-15' }));
    const collection = JSON.parse(file.text) as { features: { geometry: { type: string; coordinates: number[] } }[] };
    const [easting = 0, northing = 0] = collection.features[0]?.geometry.coordinates ?? [];
    // Zone 34 (central meridian 102°E): 0.7° east of it at 25°N is about 70.7 km east of the false easting.
    expect(easting).toBeGreaterThan(570_000);
    expect(easting).toBeLessThan(571_500);
    expect(northing).toBeGreaterThan(2_760_000);
  });
});
