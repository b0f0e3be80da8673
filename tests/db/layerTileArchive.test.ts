import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileRangeSource } from '../../src/data/pmtiles/fileRangeSource';
import { startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';
import { runCli } from '../support/runCli';

/*
 * A tiled layer's static copy: `store tiles` writes every tile of each layer of so many projects
 * or more from the database into a PMTiles archive, tile for tile what the server answers on its
 * tile route, so the file store can serve the same tiles without PostGIS.
 */

const TILED_FROM = 100;
let server: ApiTestServer;
let outDirectory: string;

beforeAll(async () => {
  server = await startApiTestServer();
  outDirectory = await mkdtemp(join(tmpdir(), 'plan-map-tile-archive-'));
});

afterAll(async () => {
  await server?.close();
  await rm(outDirectory, { recursive: true, force: true });
});

function tileOf(longitude: number, latitude: number, z: number): { x: number; y: number } {
  const side = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  return { x: Math.floor(((longitude + 180) / 360) * side), y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side) };
}

it('writes each large layer\'s tiles as a PMTiles archive equal to the server\'s tiles', async () => {
  const schema = server.databaseSchema;
  if (!schema) throw new Error('the database suite gives the server a schema');
  const run = await runCli('store.ts', ['tiles', '--from', schema.database.url, '--schema', schema.database.schema, '--tiled-from', String(TILED_FROM), outDirectory]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('idle-land');
  expect(run.stdout).toContain('old-neighborhoods');
  expect(run.stdout).not.toContain('urban-villages');

  const path = join(outDirectory, 'tiles', 'old-neighborhoods.pmtiles');
  const source = new FileRangeSource(path, String((await stat(path)).mtimeMs));
  try {
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(16);
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((layer) => layer.id)).toEqual(['old-neighborhoods']);
    const center: [number, number] = [(header.minLon + header.maxLon) / 2, (header.minLat + header.maxLat) / 2];
    let compared = 0;
    for (const z of [8, 12, 14, 15, 16]) {
      const { x, y } = tileOf(center[0], center[1], z);
      const served = new Uint8Array(await (await fetch(`${server.baseUrl}/api/layers/old-neighborhoods/tiles/${z}/${x}/${y}`)).arrayBuffer());
      const stored = await archive.getZxy(z, x, y);
      if (served.byteLength === 0) expect(stored, `${z}/${x}/${y}`).toBeUndefined();
      else {
        expect(new Uint8Array(stored?.data ?? new ArrayBuffer(0)), `${z}/${x}/${y}`).toEqual(served);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(2);
  } finally {
    await source.close();
  }
});

it('says so when no layer is that large, and refuses a threshold that is not a whole number', async () => {
  const schema = server.databaseSchema;
  if (!schema) throw new Error('the database suite gives the server a schema');
  const none = await runCli('store.ts', ['tiles', '--from', schema.database.url, '--schema', schema.database.schema, '--tiled-from', '100000', outDirectory]);
  expect(none.code).toBe(0);
  expect(none.stdout).toContain('no layer has 100000 projects or more');
  const wrong = await runCli('store.ts', ['tiles', '--from', schema.database.url, '--tiled-from', 'many', outDirectory]);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('--tiled-from must be a whole number');
});
