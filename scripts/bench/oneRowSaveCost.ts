/**
 * What one project's save costs on a large layer in the database, the whole-layer path against
 * the one-row path (docs/database.md): N generated parcels as the sample district's idle-land
 * layer in a throwaway PostgreSQL, then project saves through PostgresStore.save as the route
 * makes them (validated by the same engine, plausibility against the district), one at a time,
 * each on another parcel; then the first whole-layer read after them (the layer rebuilt).
 * `npx tsx scripts/bench/oneRowSaveCost.ts --sizes 300000 --whole 2 --rows 20`
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { directoryGeodataReader } from '../../src/data/geodataReader';
import { importDistrict } from '../../src/data/postgres/importDistrict';
import { openPlanDatabase } from '../../src/data/postgres/planDatabase';
import { DISTRICT_BOUNDARY_FILE, districtExtentOfBoundaryText } from '../../src/data/readDistrictExtent';
import type { PlanFeatureCollection } from '../../src/domain/plan/planFeature';
import { PostgresStore } from '../../src/server/postgres/postgresStore';
import { findLayer, readGeodataCatalog } from '../../src/server/store/geodataCatalog';
import type { LayerRest } from '../../src/server/store/judgeLayerChange';
import { saveNeedsConfirmation, validateLayerForSave } from '../../src/server/validateLayerForSave';
import { startPostgresCluster, stopPostgresCluster } from '../postgres/postgresCluster';
import { log } from './log';
import { parcelsGeoJson } from './parcelsGeoJson';
import { projectDirectory } from './paths';
import { percentile } from './runTiles';

const LAYER = 'idle-land';
/** Half of V8's longest string, as node-postgres's hex text of a bytea takes two characters a byte. */
const MAX_READABLE_BYTES = 0x1fffffe8 / 2;

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const sizes = flag('--sizes', '300000').split(',').map(Number);
  const wholeSaves = Number(flag('--whole', '2'));
  const rowSaves = Number(flag('--rows', '20'));
  // Not under the checkout: the postgres account that runs the cluster must reach the folder.
  const clusterDirectory = join(tmpdir(), 'plan-map-bench-onerow-postgres');
  const folder = await mkdtemp(join(tmpdir(), 'plan-map-onerow-geodata-'));
  await cp(resolve(projectDirectory, 'geodata'), folder, { recursive: true });
  // A cluster an interrupted run left running is used again, on its own port (postmaster.pid's fourth line).
  const runningPort = Number((await readFile(join(clusterDirectory, 'data', 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[3]);
  const cluster = await startPostgresCluster(clusterDirectory, runningPort > 0 ? runningPort : undefined);
  process.stdout.write('parcels | layer | path | saves | p50 | max | whole-layer read after\n');
  try {
    for (const size of sizes) {
      const catalog = await readGeodataCatalog(directoryGeodataReader(folder));
      const definition = findLayer(catalog, LAYER);
      if (!definition) throw new Error(`no ${LAYER} in layers.json`);
      const bounds = catalog.manifest.district.bounds as [number, number, number, number];
      const bytes = parcelsGeoJson(size, bounds, definition.statuses.map((status) => status.id));
      await writeFile(join(folder, `${LAYER}.geojson`), bytes);
      const database = openPlanDatabase(cluster.url, `bench_onerow_${size}`, 4);
      try {
        // A schema of an earlier run that holds the parcels is used again (the cluster is kept).
        const held = await database.pool
          .query<{ count: number }>('SELECT feature_count AS count FROM plan_layer WHERE id = $1', [LAYER])
          .then((answer) => answer.rows[0]?.count ?? 0, () => 0);
        if (held !== size) {
          const importStarted = performance.now();
          await importDistrict(folder, database, { replace: true });
          log(`${size.toLocaleString('en-US')} parcels (${(bytes.byteLength / 1e6).toFixed(0)} MB) imported in ${((performance.now() - importStarted) / 1000).toFixed(0)} s`);
        }
        const district = districtExtentOfBoundaryText((await readFile(join(folder, DISTRICT_BOUNDARY_FILE), 'utf8').catch(() => null)), catalog.manifest.district.bounds);
        const context = { layerId: LAYER, manifestJson: catalog.manifestJson, schemas: catalog.schemas, schemaFingerprint: catalog.fingerprint };
        let parcel = 0;
        for (const [path, count, minProjects] of [['whole layer', wholeSaves, Number.POSITIVE_INFINITY], ['one row', rowSaves, 0]] as const) {
          if (count === 0) continue;
          const store = new PostgresStore({ database, keepVersions: 20, oneRowSaveMinProjects: minProjects });
          await store.prepare();
          const ms: number[] = [];
          let refused = '';
          for (let save = 0; save < count; save += 1) {
            const id = `P-${(parcel++ * 7919) % size}`;
            const stored = await store.readProject(definition, id);
            if (!stored) throw new Error(`no ${id}`);
            const project = { ...stored.feature, properties: { ...(stored.feature.properties as Record<string, unknown>), note: `bench ${save}` } };
            const started = performance.now();
            const outcome = await store.save({
              definition,
              content: { kind: 'project', projectId: id, expectedVersion: stored.version, project },
              revalidate: (layerBytes) => {
                const validation = validateLayerForSave(layerBytes, context);
                return validation.ok ? { bytes: validation.bytes, collection: validation.collection } : { problems: validation.problems };
              },
              user: 'bench',
              confirmEmpty: false,
              needsConfirmation: (before: PlanFeatureCollection, after: PlanFeatureCollection, rest?: LayerRest) => saveNeedsConfirmation(before, after, definition, district, null, rest),
            });
            ms.push(performance.now() - started);
            // A layer over the validator's size limit cannot be saved whole at all: that is the figure.
            if (outcome.kind === 'composed-invalid') {
              refused = outcome.problems.map((problem) => problem.code).join(', ');
              break;
            }
            if (outcome.kind !== 'saved') throw new Error(`${path} save of ${id}: ${JSON.stringify(outcome).slice(0, 600)}`);
          }
          const saves = refused ? `refused (${refused})` : String(count);
          process.stdout.write(`${size} | ${(bytes.byteLength / 1e6).toFixed(0)} MB | ${path} | ${saves} | ${percentile(ms, 50).toFixed(0)} ms | ${Math.max(...ms).toFixed(0)} ms | `);
          // node-postgres reads bytea as hex text: a layer over 256 MB is longer than a string can be (it throws outside the query's promise).
          const readStarted = performance.now();
          const read = bytes.byteLength > MAX_READABLE_BYTES ? 'not readable whole (node-postgres)' : await store.read(definition).then(() => `${(performance.now() - readStarted).toFixed(0)} ms`);
          process.stdout.write(`${read}\n`);
        }
      } finally {
        await database.pool.end();
      }
    }
  } finally {
    await stopPostgresCluster(clusterDirectory, { remove: !process.argv.includes('--keep') });
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
