import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLayerParts, encodeLayerParts, LAYER_PARTS_FORMAT } from '../../../src/data/layerPartsCodec';
import { layerPartsFromBytes } from '../../../src/data/layerPartsFromBytes';
import { parseManifest } from '../../../src/data/parseGeodata';

const GEODATA = join(import.meta.dirname, '..', '..', '..', 'geodata');

describe('layer parts as one binary blob', () => {
  it('decode to the same parts, with aligned views, naming the version of the file they belong to', async () => {
    const manifest = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8'));
    for (const definition of manifest.layers) {
      const bytes = new Uint8Array(await readFile(join(GEODATA, `${definition.id}.geojson`)));
      const { featureText: _text, ...parts } = layerPartsFromBytes(definition, bytes, `${definition.id}.geojson`);
      const blob = encodeLayerParts(parts, '"tag"');
      const decoded = decodeLayerParts(blob.slice().buffer);
      expect(decoded).toEqual({ sourceTag: '"tag"', parts });
      expect((decoded?.parts.areaSquareMeters.byteOffset ?? 1) % 8, 'Float64 views need 8-byte offsets').toBe(0);
    }
  });

  it('carry the planned dates and responsible units the warnings need', async () => {
    const definition = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8')).layers[0];
    if (!definition) throw new Error('no layer');
    const collection = JSON.parse(await readFile(join(GEODATA, `${definition.id}.geojson`), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const planned = collection.features[0];
    if (!planned) throw new Error('no feature');
    planned.properties.plan_dates = { [definition.statuses[definition.statuses.length - 1]?.id ?? '']: '2026-06-30' };
    planned.properties.unit_in_charge = '区住建局';
    const { featureText: _text, ...parts } = layerPartsFromBytes(definition, new TextEncoder().encode(JSON.stringify(collection)), 'x');
    const decoded = decodeLayerParts(encodeLayerParts(parts, '"v1"').slice().buffer);
    expect(decoded?.parts.columns.planDates).toEqual(parts.columns.planDates);
    expect(decoded?.parts.columns.planDates.dueDayNumber.length).toBe(1);
    expect(decoded?.parts.columns.planDates.unitsInCharge).toContain('区住建局');
  });

  it('refuse anything that is not parts of this format', async () => {
    const definition = parseManifest(await readFile(join(GEODATA, 'layers.json'), 'utf8')).layers[0];
    if (!definition) throw new Error('no layer');
    const bytes = new Uint8Array(await readFile(join(GEODATA, `${definition.id}.geojson`)));
    const { featureText: _text, ...parts } = layerPartsFromBytes(definition, bytes, 'x');
    const blob = encodeLayerParts(parts, '"v1"');
    expect(decodeLayerParts(blob.slice().buffer)).not.toBeNull();
    const older = blob.slice();
    const magicAt = new TextDecoder('latin1').decode(older).indexOf(`"${LAYER_PARTS_FORMAT}"`);
    older[magicAt + 5] = '0'.charCodeAt(0);
    expect(decodeLayerParts(older.buffer), 'parts of an older format').toBeNull();
    expect(decodeLayerParts(new ArrayBuffer(0))).toBeNull();
    expect(decodeLayerParts(new TextEncoder().encode('not parts at all, just text').buffer)).toBeNull();
  });
});
