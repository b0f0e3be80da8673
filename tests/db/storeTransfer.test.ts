import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlanDatabase, quotedSchema } from '../../src/data/postgres/planDatabase';
import { copyGeodata } from '../api/support/apiTestServer';
import { testDatabaseUrl } from '../support/databaseTestStore';
import { runCli } from '../support/runCli';

/*
 * `npm run --silent store -- import|export|migrate`, the real command against the real database:
 * a district goes in and comes out byte for byte, nothing is written when the folder is refused,
 * and migrations run twice change nothing.
 */

let rootDirectory: string;
const schemas: string[] = [];
const newSchema = (): string => {
  const schema = `transfer_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  return schema;
};

async function filesUnder(directory: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path.slice(directory.length + 1), await readFile(path));
  }
  return found;
}

beforeAll(async () => {
  rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-transfer-'));
});
afterAll(async () => {
  const database = openPlanDatabase(testDatabaseUrl(), 'public', 1);
  for (const schema of schemas) await database.pool.query(`DROP SCHEMA IF EXISTS ${quotedSchema(schema)} CASCADE`);
  await database.pool.end();
  await rm(rootDirectory, { recursive: true, force: true });
});

describe('moving a district between the stores', () => {
  it('imports the bundled district and exports it again byte for byte, basemap boundary included', async () => {
    const schema = newSchema();
    const source = projectRootGeodata();
    const imported = await runCli('store.ts', ['import', source, '--to', testDatabaseUrl(), '--schema', schema]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(source, 'layers.json'), 'utf8')) as { layers: unknown[] };
    expect(imported.stdout).toContain(`${manifest.layers.length} 个图层 layers`);

    const target = join(rootDirectory, 'exported');
    const exported = await runCli('store.ts', ['export', '--from', testDatabaseUrl(), '--schema', schema, target]);
    expect(exported.code).toBe(0);
    const before = await filesUnder(source);
    const after = await filesUnder(target);
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((path) => !path.endsWith('.pmtiles')).sort());
    for (const [path, bytes] of before) if (!path.endsWith('.pmtiles')) expect(after.get(path)?.equals(bytes), path).toBe(true);
    expect(after.has('basemap/district.geojson')).toBe(true);

    // Again into a second schema and out: the export format is a fixed point.
    const second = newSchema();
    expect((await runCli('store.ts', ['import', target, '--to', testDatabaseUrl(), '--schema', second])).code).toBe(0);
    const again = join(rootDirectory, 'exported-again');
    expect((await runCli('store.ts', ['export', '--from', testDatabaseUrl(), '--schema', second, again])).code).toBe(0);
    const twice = await filesUnder(again);
    for (const [path, bytes] of after) expect(twice.get(path)?.equals(bytes), path).toBe(true);
  });

  it('keeps one row per project with its geometry in EPSG:4326, indexed', async () => {
    const schema = newSchema();
    expect((await runCli('store.ts', ['import', projectRootGeodata(), '--to', testDatabaseUrl(), '--schema', schema])).code).toBe(0);
    const database = openPlanDatabase(testDatabaseUrl(), schema, 1);
    try {
      const roads = JSON.parse(await readFile(join(projectRootGeodata(), 'roads.geojson'), 'utf8')) as { features: { id: string }[] };
      const { rows } = await database.pool.query<{ feature_id: string; srid: number; kind: string }>(
        "SELECT feature_id, ST_SRID(geom) AS srid, GeometryType(geom) AS kind FROM plan_feature WHERE layer = 'roads' ORDER BY ordinal",
      );
      expect(rows.map((row) => row.feature_id)).toEqual(roads.features.map((feature) => feature.id));
      expect(new Set(rows.map((row) => row.srid))).toEqual(new Set([4326]));
      expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['LINESTRING']));
      const index = await database.pool.query("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%USING gist (geom)%'", [schema]);
      expect(index.rowCount).toBe(1);
    } finally {
      await database.pool.end();
    }
  });

  it('refuses a folder with a broken project, naming the file, the feature and the field, and writes nothing', async () => {
    const broken = await copyGeodata(join(rootDirectory, 'broken'));
    const layer = JSON.parse(await readFile(join(broken, 'urban-villages.geojson'), 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] };
    const victim = layer.features[3];
    if (!victim) throw new Error('the sample has fewer than four urban villages');
    victim.properties.status = 'teleported';
    await writeFile(join(broken, 'urban-villages.geojson'), JSON.stringify(layer));
    const schema = newSchema();
    const result = await runCli('store.ts', ['import', broken, '--to', testDatabaseUrl(), '--schema', schema]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('urban-villages.geojson');
    expect(result.stderr).toContain(victim.id);
    expect(result.stderr).toContain('status');
    const database = openPlanDatabase(testDatabaseUrl(), 'public', 1);
    try {
      const tables = await database.pool.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1', [schema]);
      expect(tables.rowCount).toBe(0);
    } finally {
      await database.pool.end();
    }
  });

  it('refuses to import over a district unless told to replace it, and never exports into a folder that holds files', async () => {
    const schema = newSchema();
    expect((await runCli('store.ts', ['import', projectRootGeodata(), '--to', testDatabaseUrl(), '--schema', schema])).code).toBe(0);
    const again = await runCli('store.ts', ['import', projectRootGeodata(), '--to', testDatabaseUrl(), '--schema', schema]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--replace');
    expect((await runCli('store.ts', ['import', projectRootGeodata(), '--to', testDatabaseUrl(), '--schema', schema, '--replace'])).code).toBe(0);

    const occupied = join(rootDirectory, 'occupied');
    await rm(occupied, { recursive: true, force: true });
    await mkdir(occupied);
    await writeFile(join(occupied, 'keep.txt'), 'mine');
    const exported = await runCli('store.ts', ['export', '--from', testDatabaseUrl(), '--schema', schema, occupied]);
    expect(exported.code).toBe(1);
    expect(await readFile(join(occupied, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readdir(occupied)).toEqual(['keep.txt']);
  });

  it('applies the migrations once: a second run, and two runs at once, change nothing', async () => {
    const schema = newSchema();
    const [first, concurrent] = await Promise.all([
      runCli('store.ts', ['migrate', '--to', testDatabaseUrl(), '--schema', schema]),
      runCli('store.ts', ['migrate', '--to', testDatabaseUrl(), '--schema', schema]),
    ]);
    expect([first.code, concurrent.code]).toEqual([0, 0]);
    expect([first.stdout, concurrent.stdout].filter((out) => out.includes('001-plan-store.sql'))).toHaveLength(1);
    const second = await runCli('store.ts', ['migrate', '--to', testDatabaseUrl(), '--schema', schema]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('says what is wrong with its words, and names the database it cannot reach without its password', async () => {
    const usage = await runCli('store.ts', ['import', projectRootGeodata()]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--to');
    const unreachable = await runCli('store.ts', ['migrate', '--to', 'postgres://someone:secret-pw@127.0.0.1:1/nowhere']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('127.0.0.1:1');
    expect(unreachable.stderr).not.toContain('secret-pw');
  });
});

function projectRootGeodata(): string {
  return join(import.meta.dirname, '..', '..', 'geodata');
}
