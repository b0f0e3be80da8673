import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerPartsFromBytes } from '../../../src/data/layerPartsFromBytes';
import { layerPartsFromText, transferablesOf } from '../../../src/data/layerPartsFromText';
import { featureSpans } from '../../../src/data/featureSpans';
import { parseLayer, parseManifest } from '../../../src/data/parseGeodata';
import { measuredLayerFromParts, type LayerParts } from '../../../src/domain/measure/measuredLayer';
import type { LayerDefinition } from '../../../src/domain/plan/manifest';

const GEODATA = join(import.meta.dirname, '..', '..', '..', 'geodata');
const encoder = new TextEncoder();

function acrossWorkerBoundary(parts: LayerParts): LayerParts {
  return structuredClone(parts, { transfer: transferablesOf(parts) });
}

const definition: LayerDefinition = { id: 'x', name: { zh: 'x', en: 'x' }, geometry: 'polygon', color: '#000000', unit: 'ha', statuses: [{ id: 'a', label: { zh: 'a', en: 'a' }, color: '#ffffff' }], doneStatuses: [], targets: [] };
const square = [[[113, 25], [113.001, 25], [113.001, 25.001], [113, 25]]];

function collection(features: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}

describe('layers read from the file\'s bytes, one feature at a time', () => {
  it('give the same parts as the whole-file parse on every layer of the sample district', async () => {
    const manifest = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8'));
    for (const layerDefinition of manifest.layers) {
      const file = `${layerDefinition.id}.geojson`;
      const bytes = new Uint8Array(await readFile(join(GEODATA, file)));
      const text = new TextDecoder().decode(bytes);
      const fromBytes = layerPartsFromBytes(layerDefinition, bytes, file);
      const fromText = layerPartsFromText(layerDefinition, text, file);
      expect(fromBytes.featureText?.buffer, 'the file\'s own bytes, not a re-encoding').toBe(bytes.buffer);
      const { featureText: _bytesText, featureOffsets: _bytesOffsets, ...bytesRest } = fromBytes;
      const { featureText: _text, featureOffsets: _textOffsets, ...textRest } = fromText;
      expect(bytesRest).toEqual(textRest);
      const layer = measuredLayerFromParts(layerDefinition, acrossWorkerBoundary(fromBytes));
      const expected = parseLayer(text, file).features;
      expected.forEach((feature, index) => expect(layer.featureAt(index)).toEqual(feature));
      expect(layer.features).toEqual(expected);
    }
  });

  it('keep what the parser keeps of a feature: no foreign members, history entries with date and status only', () => {
    const text = collection([
      { type: 'Feature', id: 'A-1', bbox: [113, 25, 113.001, 25.001], geometry: { type: 'Polygon', coordinates: square }, properties: { name: '城中村 "一" \\ 𠀋', status: 'a', history: [{ date: '2024-01-01', status: 'a', note: '旧' }], extra: { nested: ['features', '}'] } } },
      { type: 'Feature', id: 'A-2', geometry: null, properties: { name: '无几何', status: 'a', history: [] } },
    ], { name: '{"features": []}' });
    const layer = measuredLayerFromParts(definition, acrossWorkerBoundary(layerPartsFromBytes(definition, encoder.encode(text), 'x.geojson')));
    expect(layer.features).toEqual(parseLayer(text, 'x.geojson').features);
    expect(layer.featureAt(0)).not.toHaveProperty('bbox');
    expect(layer.featureAt(0)?.properties.history).toEqual([{ date: '2024-01-01', status: 'a' }]);
  });

  it('find each feature\'s bytes past strings holding brackets, quotes and escapes, and after a byte order mark', () => {
    const features = [
      { type: 'Feature', id: 'A-1', geometry: null, properties: { name: 'a "}]" \\" {', status: 'a', history: [] } },
      { type: 'Feature', id: 'A-2', geometry: null, properties: { name: '二', status: 'a', history: [] } },
    ];
    const bytes = encoder.encode(`\uFEFF${collection(features)}\n`);
    const spans = featureSpans(bytes);
    expect(spans).not.toBeNull();
    const decoded = [0, 1].map((index) => JSON.parse(new TextDecoder().decode(bytes.subarray(spans?.[2 * index], spans?.[2 * index + 1]))));
    expect(decoded).toEqual(features);
  });

  it('leave anything but a plain FeatureCollection to the whole-file parse, with its messages', () => {
    const cases = [
      JSON.stringify({ type: 'Feature', geometry: null, properties: {} }),
      collection([]).replace('"features":[]', '"features":[],"features":[]'),
      collection([1]),
      `${collection([])} trailing`,
      collection([{ type: 'Feature', id: 'A-1', geometry: null, properties: { name: 'n', history: [] } }]),
      collection([{ type: 'Feature', id: 'A-1', geometry: null, properties: { name: 'n', status: 'a', history: [] } }]).slice(0, -2),
    ];
    for (const text of cases) {
      const fromText = (() => { try { return layerPartsFromText(definition, text, 'x.geojson'); } catch (error) { return error; } })();
      const fromBytes = (() => { try { return layerPartsFromBytes(definition, encoder.encode(text), 'x.geojson'); } catch (error) { return error; } })();
      expect(fromBytes, text).toEqual(fromText);
    }
  });
});
