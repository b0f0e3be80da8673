import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileRangeSource } from '../../src/data/pmtiles/fileRangeSource';
import { startApiTestServer, type ApiTestServer } from '../api/support/apiTestServer';
import { runCli } from '../support/runCli';
import { spawnServer } from '../api/support/serverProcess';

/*
 * A tiled layer's static copy: `store tiles` writes every tile of each layer of so many projects
 * or more from the database into a PMTiles archive, tile for tile what the server answers on its
 * tile route, with its changes per day, so the file store serves the same tiles and statistics
 * without PostGIS.
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

interface StatsAnswer {
  groups: { status: string; street: string; features: number; areaSquareMeters: number; lengthMeters: number }[];
  targetGroups: { status: string; street: string; features: number; areaSquareMeters: number; where: Record<string, unknown>; sums: Record<string, number> }[];
}

function keyed<T extends { status: string; street: string }>(groups: T[], extra: (group: T) => string = () => ''): Map<string, T> {
  return new Map(groups.map((group) => [`${group.status}|${group.street}|${extra(group)}`, group]));
}

it('lets the file store serve the copy: tiles, statistics on any day and details, as the database does', async () => {
  const schema = server.databaseSchema;
  if (!schema) throw new Error('the database suite gives the server a schema');
  const folder = join(outDirectory, 'district');
  await cp(server.geodataDirectory, folder, { recursive: true });
  const run = await runCli('store.ts', ['tiles', '--from', schema.database.url, '--schema', schema.database.schema, '--tiled-from', String(TILED_FROM), folder]);
  expect(run.code).toBe(0);
  const files = await spawnServer({ geodataDirectory: folder, stateDirectory: join(outDirectory, 'state') });
  try {
    const manifest = await fetch(`${files.baseUrl}/geodata/layers.json`);
    expect(manifest.headers.get('x-plan-map-tiled-layers')?.split(',').sort()).toEqual(['idle-land', 'old-neighborhoods']);

    const { z, x, y } = { z: 15, ...tileOf(102.7, 24.95, 15) };
    for (const layerId of ['idle-land', 'old-neighborhoods']) {
      const fromFiles = new Uint8Array(await (await fetch(`${files.baseUrl}/api/layers/${layerId}/tiles/${z}/${x}/${y}`)).arrayBuffer());
      const fromDatabase = new Uint8Array(await (await fetch(`${server.baseUrl}/api/layers/${layerId}/tiles/${z}/${x}/${y}`)).arrayBuffer());
      expect(fromFiles, layerId).toEqual(fromDatabase);
      for (const date of ['2023-06-30', '2025-01-15', '2026-11-26']) {
        const [copy, live] = await Promise.all([files.baseUrl, server.baseUrl].map(async (base) => (await (await fetch(`${base}/api/layers/${layerId}/stats?date=${date}`)).json()) as StatsAnswer));
        if (!copy || !live) throw new Error('both answer');
        const label = `${layerId} on ${date}`;
        const liveGroups = keyed(live.groups);
        expect([...keyed(copy.groups).keys()].sort(), label).toEqual([...liveGroups.keys()].sort());
        for (const [key, group] of keyed(copy.groups)) {
          expect(group.features, `${label} ${key}`).toBe(liveGroups.get(key)?.features);
          expect(group.areaSquareMeters, `${label} ${key}`).toBeCloseTo(liveGroups.get(key)?.areaSquareMeters ?? Number.NaN, 6);
        }
        const where = (group: StatsAnswer['targetGroups'][number]) => JSON.stringify(group.where);
        const liveTargets = keyed(live.targetGroups, where);
        expect([...keyed(copy.targetGroups, where).keys()].sort(), label).toEqual([...liveTargets.keys()].sort());
        for (const [key, group] of keyed(copy.targetGroups, where)) expect(group.features, `${label} ${key}`).toBe(liveTargets.get(key)?.features);
      }
    }
    const details = await fetch(`${files.baseUrl}/api/layers/old-neighborhoods/features/ON-007`);
    expect(details.status).toBe(200);
    expect(((await details.json()) as { id: string }).id).toBe('ON-007');
    const untiled = await fetch(`${files.baseUrl}/api/layers/urban-villages/tiles/15/${x}/${y}`);
    expect(untiled.status).toBe(404);
    expect(((await untiled.json()) as { error: string }).error).toBe('tiles-need-database');
  } finally {
    files.child.kill('SIGTERM');
    await files.exited;
  }
});
