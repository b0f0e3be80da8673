import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLayerParts, encodeLayerParts } from '../../../src/data/layerPartsCodec';
import { layerPartsFromBytes } from '../../../src/data/layerPartsFromBytes';
import { parseManifest } from '../../../src/data/parseGeodata';

const GEODATA = join(import.meta.dirname, '..', '..', '..', 'geodata');

describe('layer parts as one binary blob', () => {
  it('decode to the same parts, with aligned views and the file\'s bytes as text', async () => {
    const manifest = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8'));
    for (const definition of manifest.layers) {
      const bytes = new Uint8Array(await readFile(join(GEODATA, `${definition.id}.geojson`)));
      const { featureText: _text, ...parts } = layerPartsFromBytes(definition, bytes, `${definition.id}.geojson`);
      const blob = encodeLayerParts(parts, '"tag"');
      const decoded = decodeLayerParts(blob.slice().buffer, bytes, '"tag"');
      expect(decoded).toEqual({ ...parts, featureText: bytes });
      expect((decoded?.areaSquareMeters.byteOffset ?? 1) % 8, 'Float64 views need 8-byte offsets').toBe(0);
      expect(decoded?.featureText).toBe(bytes);
    }
  });

  it('refuse parts of another version of the file, and anything that is not parts', async () => {
    const definition = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8')).layers[0];
    if (!definition) throw new Error('no layer');
    const bytes = new Uint8Array(await readFile(join(GEODATA, `${definition.id}.geojson`)));
    const { featureText: _text, ...parts } = layerPartsFromBytes(definition, bytes, 'x');
    const blob = encodeLayerParts(parts, '"v1"');
    expect(decodeLayerParts(blob.slice().buffer, bytes, '"v2"')).toBeNull();
    expect(decodeLayerParts(blob.slice().buffer, bytes, null)).toBeNull();
    expect(decodeLayerParts(new ArrayBuffer(0), bytes, '"v1"')).toBeNull();
    expect(decodeLayerParts(new TextEncoder().encode('not parts at all, just text').buffer, bytes, '"v1"')).toBeNull();
  });
});
