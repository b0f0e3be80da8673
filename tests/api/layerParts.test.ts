import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlanMapServer, projectDirectory, type RunningServer } from '../e2e/support/startPlanMapServer';
import { parseManifest } from '../../src/data/parseGeodata';
import { layerPartsFromBytes } from '../../src/data/layerPartsFromBytes';
import { decodeLayerParts } from '../../src/data/layerPartsCodec';
import type { Manifest } from '../../src/domain/plan/manifest';

let directory: string;
let server: RunningServer;
let manifest: Manifest;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plan-map-parts-'));
  await cp(resolve(projectDirectory, 'geodata'), directory, { recursive: true });
  manifest = parseManifest(await readFile(join(directory, 'layers.json'), 'utf8'));
  server = await startPlanMapServer(directory);
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

async function layerFile(layerId: string): Promise<{ bytes: Uint8Array; etag: string | null }> {
  const response = await fetch(new URL(`geodata/${layerId}.geojson`, server.baseUrl));
  expect(response.status).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), etag: response.headers.get('ETag') };
}

async function partsBlob(layerId: string): Promise<Response> {
  return fetch(new URL(`geodata/${layerId}.parts`, server.baseUrl));
}

describe('layers computed ahead by the server', () => {
  it('are announced on layers.json and equal, layer by layer, what the page would compute from the file', async () => {
    const manifestResponse = await fetch(new URL('geodata/layers.json', server.baseUrl));
    expect(manifestResponse.headers.get('X-Plan-Map-Layer-Parts')).toBe('1');
    for (const definition of manifest.layers) {
      const { bytes, etag } = await layerFile(definition.id);
      const response = await partsBlob(definition.id);
      expect(response.status).toBe(200);
      const decoded = decodeLayerParts(await response.arrayBuffer());
      if (!decoded) throw new Error(`${definition.id}: the parts do not decode`);
      expect(decoded.sourceTag, 'the parts name the version of the file they were computed from').toBe(etag);
      const { featureText: _text, ...computed } = layerPartsFromBytes(definition, bytes, `${definition.id}.geojson`);
      expect(decoded.parts).toEqual(computed);
    }
  });

  it('follow the file when it changes on disk, and never pair with another version of it', async () => {
    const layerId = 'green-space';
    const before = await layerFile(layerId);
    const oldBlob = await (await partsBlob(layerId)).arrayBuffer();
    const collection = JSON.parse(new TextDecoder().decode(before.bytes)) as { features: unknown[] };
    collection.features = collection.features.slice(1);
    await writeFile(join(directory, `${layerId}.geojson`), JSON.stringify(collection));
    const after = await layerFile(layerId);
    expect(after.etag).not.toBe(before.etag);
    expect(decodeLayerParts(oldBlob)?.sourceTag, 'old parts name the old file').toBe(before.etag);
    const fresh = decodeLayerParts(await (await partsBlob(layerId)).arrayBuffer());
    expect(fresh?.sourceTag).toBe(after.etag);
    expect(fresh?.parts.featureCount).toBe(collection.features.length);
  });

  it('answer 204 for a file the app cannot read (the page reads it and names the problem), 404 for no such layer', async () => {
    await writeFile(join(directory, 'lakeshore.geojson'), '{"type": "FeatureCollection", "features": [');
    const broken = await partsBlob('lakeshore');
    expect(broken.status).toBe(204);
    expect((await broken.arrayBuffer()).byteLength).toBe(0);
    expect((await partsBlob('no-such-layer')).status).toBe(404);
  });
});
