import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeodataError } from '../../../src/data/parseGeodata';
import { readGeodataDirectory } from '../../../src/data/readGeodataDirectory';
import { MINI_GEODATA_DIR } from '../../support/planLayers';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

describe('readGeodataDirectory', () => {
  it('reads layers.json and every layer file, in manifest order', async () => {
    const { manifest, layers } = await readGeodataDirectory(MINI_GEODATA_DIR);
    expect(manifest.district.name.zh).toBe('测试区');
    expect(layers.map((layer) => [layer.definition.id, layer.collection.features.length])).toEqual([
      ['urban-villages', 6],
      ['roads', 3],
      ['idle-land', 3],
    ]);
  });

  it('names a missing layer file', async () => {
    const directory = join(fixtures, 'geodata-missing-layer');
    const error = await readGeodataDirectory(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeodataError);
    expect((error as GeodataError).message).toBe(`${join(directory, 'idle-land.geojson')}: file not found`);
  });

  it('names a directory without layers.json', async () => {
    const error = await readGeodataDirectory(join(fixtures, 'measure')).catch((caught: unknown) => caught);
    expect((error as GeodataError).message).toMatch(/layers\.json: file not found$/);
  });
});
