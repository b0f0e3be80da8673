import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPlanMapServer } from '../../src/server/createPlanMapServer';
import { startPostgresCluster, stopPostgresCluster } from '../postgres/postgresCluster';
import { listen } from './baselineServer';
import { ensureTileBenchSchema, readTileBenchManifest, TILE_BENCH_CLUSTER_DIRECTORY, TILE_BENCH_LAYER, tileBenchGeodata, tileBenchSchema } from './tileBenchSchema';
import { projectDirectory } from './paths';
import { log } from './log';
/** Zooms a viewer passes through, from the whole district (z11) to a street (z16). */
const ZOOMS = [11, 12, 13, 14, 15, 16];
/** Tiles per zoom: a 6 × 4 block around the centre, what a 1366 × 768 map of 512 px tiles shows while panning. */
const BLOCK_COLUMNS = 6;
const BLOCK_ROWS = 4;

export interface TileBenchResult {
  size: number;
  /** Seconds the generator took this run; null when the schema already held the parcels. */
  generatedSeconds: number | null;
  /** Per request, ms: the server's cache empty and PostgreSQL just restarted (the OS page cache stays). */
  coldMs: number[];
  /** The same tiles again: from the server's cache. */
  warmMs: number[];
  tileBytes: number[];
  truncatedTiles: number;
  /** GET …/stats, ms: today's statuses first asked, a past day first asked, then either again (cached). */
  statsMs: { today: number; pastDay: number; again: number };
  /** GET …/stats?date= for the last day of each month of 2024–2025, each first asked: a timeline played through. */
  timelineMs: number[];
}

/** The last day of each month of 2024 and 2025, the parcels' history years. */
function timelineDays(): string[] {
  return Array.from({ length: 24 }, (_, month) => new Date(Date.UTC(2024, month + 1, 0)).toISOString().slice(0, 10));
}

function tileOf(longitude: number, latitude: number, z: number): { x: number; y: number } {
  const side = 2 ** z;
  const radians = (latitude * Math.PI) / 180;
  return { x: Math.floor(((longitude + 180) / 360) * side), y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * side) };
}

function tilePaths(center: [number, number]): string[] {
  return ZOOMS.flatMap((z) => {
    const middle = tileOf(center[0], center[1], z);
    return Array.from({ length: BLOCK_COLUMNS * BLOCK_ROWS }, (_, index) => {
      const x = middle.x - BLOCK_COLUMNS / 2 + (index % BLOCK_COLUMNS);
      const y = middle.y - BLOCK_ROWS / 2 + Math.floor(index / BLOCK_COLUMNS);
      return `/api/layers/${TILE_BENCH_LAYER}/tiles/${z}/${x}/${y}`;
    });
  });
}

/** The p-th percentile (0–100) by the nearest-rank rule. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

async function requestAll(baseUrl: string, paths: readonly string[]): Promise<{ ms: number[]; bytes: number[]; truncated: number }> {
  const ms: number[] = [];
  const bytes: number[] = [];
  let truncated = 0;
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(new URL(path, baseUrl));
    const body = await response.arrayBuffer();
    ms.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    bytes.push(body.byteLength);
    if (response.headers.get('x-plan-tile-truncated')) truncated++;
  }
  return { ms, bytes, truncated };
}

/**
 * Server tile latency on a throwaway PostgreSQL in $TMPDIR/plan-map-bench-postgres (kept between
 * runs, like the synthetic cities): for each size, a schema holding the sample district whose idle-land layer is
 * `size` generated parcels, then the real server asked for the same tiles twice, one at a time.
 */
export async function runTiles(sizes: readonly number[]): Promise<TileBenchResult[]> {
  const clusterDirectory = TILE_BENCH_CLUSTER_DIRECTORY;
  const geodata = tileBenchGeodata;
  const manifest = await readTileBenchManifest();
  const results: TileBenchResult[] = [];
  let cluster = await startPostgresCluster(clusterDirectory);
  try {
    for (const size of sizes) {
      const schema = tileBenchSchema(size);
      const generatedSeconds = await ensureTileBenchSchema(cluster.url, size, manifest);
      // PostgreSQL restarted: its shared buffers are empty for the cold pass.
      await stopPostgresCluster(clusterDirectory, { remove: false });
      cluster = await startPostgresCluster(clusterDirectory, cluster.port);
      const stateDirectory = await mkdtemp(join(tmpdir(), 'plan-map-tile-bench-'));
      const server = await listen(createPlanMapServer({ distDirectory: resolve(projectDirectory, 'dist'), geodataDirectory: geodata, stateDirectory, api: { database: { url: cluster.url, schema } } }));
      try {
        const paths = tilePaths(manifest.district.center);
        log(`${size.toLocaleString('en-US')} parcels: ${paths.length} tiles (z${ZOOMS[0]}–z${ZOOMS.at(-1)}), cold then warm`);
        const cold = await requestAll(server.baseUrl, paths);
        const warm = await requestAll(server.baseUrl, paths);
        const statsPaths = [`/api/layers/${TILE_BENCH_LAYER}/stats`, `/api/layers/${TILE_BENCH_LAYER}/stats?date=2024-06-30`];
        const [today = Number.NaN, pastDay = Number.NaN, again = Number.NaN] = (await requestAll(server.baseUrl, [...statsPaths, statsPaths[1] ?? ''])).ms;
        const timeline = await requestAll(server.baseUrl, timelineDays().map((day) => `/api/layers/${TILE_BENCH_LAYER}/stats?date=${day}`));
        results.push({ size, generatedSeconds, coldMs: cold.ms, warmMs: warm.ms, tileBytes: cold.bytes, truncatedTiles: cold.truncated, statsMs: { today, pastDay, again }, timelineMs: timeline.ms });
      } finally {
        await server.close();
        await rm(stateDirectory, { recursive: true, force: true });
      }
    }
  } finally {
    await stopPostgresCluster(clusterDirectory, { remove: false });
  }
  return results;
}
