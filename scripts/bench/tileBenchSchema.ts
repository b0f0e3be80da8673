import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { importDistrict } from '../../src/data/postgres/importDistrict';
import { openPlanDatabase } from '../../src/data/postgres/planDatabase';
import { fillParcels } from './generateParcels';
import { projectDirectory } from './paths';
import { log } from './log';

/** The tiled layer of the bench: the sample district's idle land, its rows replaced by parcels. */
export const TILE_BENCH_LAYER = 'idle-land';

/**
 * Not under .bench: the postgres account that runs the server must reach the folder, and a
 * checkout under /work or /home is often closed to it. PLAN_MAP_BENCH_POSTGRES names another:
 * two checkouts benchmarking at once on one cluster stop it under each other.
 */
export const TILE_BENCH_CLUSTER_DIRECTORY = process.env.PLAN_MAP_BENCH_POSTGRES ?? join(tmpdir(), 'plan-map-bench-postgres');

export const tileBenchGeodata = resolve(projectDirectory, 'geodata');

export interface TileBenchManifest {
  district: { bounds: [number, number, number, number]; center: [number, number] };
  layers: { id: string; statuses: { id: string }[] }[];
}

export async function readTileBenchManifest(): Promise<TileBenchManifest> {
  return JSON.parse(await readFile(join(tileBenchGeodata, 'layers.json'), 'utf8')) as TileBenchManifest;
}

export function tileBenchSchema(size: number): string {
  return `bench_tiles_${size}`;
}

/**
 * Makes `size` parcels the idle-land layer of the sample district in the schema for that size,
 * unless it already holds exactly that many (kept between runs, like the synthetic cities).
 * Returns the seconds it took, or null when nothing had to be generated.
 */
export async function ensureTileBenchSchema(clusterUrl: string, size: number, manifest: TileBenchManifest): Promise<number | null> {
  const schema = tileBenchSchema(size);
  const statuses = manifest.layers.find((layer) => layer.id === TILE_BENCH_LAYER)?.statuses.map((status) => status.id) ?? [];
  const streets = ['金湖街道', '凤鸣街道', '湖滨街道', '青山街道', '白鹭街道'];
  const database = openPlanDatabase(clusterUrl, schema, 2);
  try {
    const held = await database.pool
      .query<{ count: number }>('SELECT count(*)::int AS count FROM plan_feature WHERE layer = $1', [TILE_BENCH_LAYER])
      .then((answer) => answer.rows[0]?.count ?? 0, () => 0);
    if (held === size) return null;
    log(`generating ${size.toLocaleString('en-US')} parcels in schema ${schema}`);
    const started = performance.now();
    await importDistrict(tileBenchGeodata, database, { replace: true });
    await fillParcels(database.pool, { layerId: TILE_BENCH_LAYER, count: size, bounds: manifest.district.bounds, statuses, streets });
    const seconds = (performance.now() - started) / 1000;
    log(`  generated in ${seconds.toFixed(0)} s`);
    return seconds;
  } finally {
    await database.pool.end();
  }
}
