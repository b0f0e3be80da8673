import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerPartsFromText, transferablesOf } from '../../../src/data/layerPartsFromText';
import { parseLayer, parseManifest } from '../../../src/data/parseGeodata';
import { measureLayer, measuredLayerFromParts, type LayerParts } from '../../../src/domain/measure/measuredLayer';
import { districtStats } from '../../../src/domain/progress/districtStats';
import type { ViewFilter } from '../../../src/domain/browse/featureFilter';

const GEODATA = join(import.meta.dirname, '..', '..', '..', 'geodata');

async function sampleDistrict() {
  const manifest = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8'));
  const layers = await Promise.all(manifest.layers.map(async (definition) => {
    const file = `${definition.id}.geojson`;
    const text = await readFile(join(GEODATA, file), 'utf8');
    return { definition, file, text };
  }));
  return { manifest, layers };
}

/** What the page receives: the parts after a structured clone that transfers their buffers. */
function acrossWorkerBoundary(parts: LayerParts): LayerParts {
  return structuredClone(parts, { transfer: transferablesOf(parts) });
}

describe('layers prepared by the load worker', () => {
  it('give every panel number the same as layers measured from parsed features', async () => {
    const { manifest, layers } = await sampleDistrict();
    const fromWorker = layers.map(({ definition, file, text }) => measuredLayerFromParts(definition, acrossWorkerBoundary(layerPartsFromText(definition, text, file))));
    const fromFeatures = layers.map(({ definition, file, text }) => measureLayer(definition, parseLayer(text, file)));
    const someStreet = fromFeatures[0]?.columns.streets.find((street) => street !== '') ?? '';
    const filters: ViewFilter[] = [
      { layers: {} },
      { layers: { 'urban-villages': { statuses: ['demolished', 'renovated'], streets: [] }, 'new-roads': { statuses: [], streets: [someStreet] } } },
    ];
    for (const date of ['2023-12-31', manifest.district.planStart, '2025-06-30', '2026-11-26', '2030-01-01']) {
      for (const filter of filters) {
        expect(districtStats(manifest, fromWorker, filter, date)).toEqual(districtStats(manifest, fromFeatures, filter, date));
      }
    }
  });

  it('hand out the same features, one at a time or all together, and find them by id', async () => {
    const { layers } = await sampleDistrict();
    for (const { definition, file, text } of layers) {
      const expected = parseLayer(text, file).features;
      const layer = measuredLayerFromParts(definition, acrossWorkerBoundary(layerPartsFromText(definition, text, file)));
      expect(layer.featureCount).toBe(expected.length);
      expected.forEach((feature, index) => {
        expect(layer.featureAt(index)).toEqual(feature);
        expect(layer.idAt(index)).toBe(feature.id);
        expect(layer.nameAt(index)).toBe(feature.properties.name);
        expect(layer.indexOfId(feature.id)).toBe(index);
      });
      expect(layer.featureAt(expected.length)).toBeUndefined();
      expect(layer.indexOfId('no-such-id')).toBe(-1);
      expect(layer.features).toEqual(expected);
    }
  });

  it('keep Chinese text and awkward attribute values intact through the UTF-8 round trip', () => {
    const { definition } = { definition: { id: 'x', name: { zh: 'x', en: 'x' }, geometry: 'polygon' as const, color: '#000000', unit: 'ha' as const, statuses: [{ id: 'a', label: { zh: 'a', en: 'a' }, color: '#ffffff' }], doneStatuses: [], targets: [] } };
    const name = '城中村 "改造" \\ 𠀋 <b>&amp;</b>\u2028';
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'A-1', geometry: { type: 'Polygon', coordinates: [[[113, 25], [113.001, 25], [113.001, 25.001], [113, 25]]] }, properties: { name, status: 'a', history: [{ date: '2024-01-01', status: 'a' }], __proto__note: '__proto__' } },
        { type: 'Feature', id: 'A-2', geometry: null, properties: { name: '无几何', status: 'a', history: [] } },
      ],
    });
    const layer = measuredLayerFromParts(definition, acrossWorkerBoundary(layerPartsFromText(definition, text, 'x.geojson')));
    expect(layer.featureAt(0)?.properties.name).toBe(name);
    expect(layer.nameAt(0)).toBe(name);
    expect(layer.featureAt(1)?.geometry).toBeNull();
    expect(layer.geometry?.partCount).toBe(1);
  });
});
