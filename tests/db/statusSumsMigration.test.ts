import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey } from '../../src/domain/columns/layerColumns';
import { filterMask } from '../../src/domain/browse/featureFilter';
import { measureLayer } from '../../src/domain/measure/measuredLayer';
import type { Manifest } from '../../src/domain/plan/manifest';
import { layerStats } from '../../src/domain/progress/layerStats';
import { statusCodesAsOf } from '../../src/domain/progress/statusCodesAsOf';
import { statusFacetsOf } from '../../src/domain/progress/statusFacets';
import { layerStatsFromGroups } from '../../src/domain/progress/statusGroups';
import { targetProgressFromGroups } from '../../src/domain/progress/targetGroups';
import { targetProgress } from '../../src/domain/progress/targetProgress';
import { parseLayer, parseManifest } from '../../src/data/parseGeodata';
import { applyMigrations } from '../../src/data/postgres/applyMigrations';
import { projectVersionOf, rawProjectsOf } from '../../src/data/projectVersion';
import { measureFeatures } from '../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../src/domain/plan/planFeature';
import { openPlanDatabase, quotedSchema, type PlanDatabase } from '../../src/data/postgres/planDatabase';
import { queryStatusGroups } from '../../src/data/postgres/statusGroupsQuery';
import { projectDirectory } from '../api/support/apiTestServer';
import { testDatabaseUrl } from '../support/databaseTestStore';

/*
 * A district stored before the status sums existed: the migration that adds them must sum the
 * rows already there, with the facets of the stored manifest's targets, so the first request
 * after the upgrade neither waits for a rebuild nor gets wrong figures.
 */

const MIGRATIONS = join(projectDirectory, 'src/data/postgres/migrations');
const SUMS_MIGRATION = '005-status-day-sums.sql';
const LAYERS = ['urban-villages', 'major-projects', 'health'];

/** Project rows as a district stored before the sums has them: only the columns of migrations 001–004. */
async function insertRowsAsBefore(client: { query(text: string, values: unknown[]): Promise<unknown> }, layerId: string, bytes: Buffer): Promise<void> {
  const projects = rawProjectsOf(bytes);
  const measures = measureFeatures(projects as unknown as PlanFeature[]);
  for (const [ordinal, project] of projects.entries()) {
    const geometry = (project as { geometry?: unknown }).geometry;
    await client.query(
      `INSERT INTO plan_feature (layer, feature_id, ordinal, version, properties, geom, area_square_meters, length_meters)
       VALUES ($1, $2, $3, $4, $5::jsonb, ST_SetSRID(ST_GeomFromGeoJSON($6), 4326), $7, $8)`,
      [layerId, String(project.id), ordinal, projectVersionOf(project), JSON.stringify(project.properties), geometry ? JSON.stringify(geometry) : null, measures.areaSquareMeters[ordinal], measures.lengthMeters[ordinal]],
    );
  }
}

let database: PlanDatabase;
let manifest: Manifest;

beforeAll(async () => {
  database = openPlanDatabase(testDatabaseUrl(), `t_${randomBytes(6).toString('hex')}`, 2);
  const schema = quotedSchema(database.schema);
  await database.pool.query(`CREATE SCHEMA ${schema}`);
  await database.pool.query(`CREATE TABLE ${schema}.schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const name of (await readdir(MIGRATIONS)).filter((file) => file.endsWith('.sql') && file < SUMS_MIGRATION).sort()) {
    await database.pool.query(await readFile(join(MIGRATIONS, name), 'utf8'));
    await database.pool.query(`INSERT INTO ${schema}.schema_migration (name) VALUES ($1)`, [name]);
  }
  const manifestBytes = await readFile(join(projectDirectory, 'geodata/layers.json'));
  manifest = parseManifest(manifestBytes.toString('utf8'));
  const client = await database.pool.connect();
  try {
    await client.query("INSERT INTO plan_document (name, bytes, version) VALUES ('layers.json', $1, 'v')", [manifestBytes]);
    for (const layerId of LAYERS) {
      const bytes = await readFile(join(projectDirectory, `geodata/${layerId}.geojson`));
      await client.query("INSERT INTO plan_layer (id, bytes, version) VALUES ($1, $2, 'v')", [layerId, bytes]);
      await insertRowsAsBefore(client, layerId, bytes);
    }
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await database?.pool.query(`DROP SCHEMA IF EXISTS ${quotedSchema(database.schema)} CASCADE`);
  await database?.pool.end();
});

describe('the migration adding the status sums', () => {
  it('sums the rows already stored, with the facets of the stored targets', async () => {
    const later = (await readdir(MIGRATIONS)).filter((file) => file.endsWith('.sql') && file >= SUMS_MIGRATION).sort();
    expect(await applyMigrations(database)).toEqual(later);
    const { rows } = await database.pool.query<{ layer: string; where_properties: string[]; sum_properties: string[] }>('SELECT * FROM plan_status_facet ORDER BY layer');
    const withFacets = LAYERS.map((layerId) => ({ layerId, facets: statusFacetsOf(manifest.layers.find((layer) => layer.id === layerId) ?? { targets: [] }) }));
    expect(rows.map((row) => ({ layerId: row.layer, facets: { whereProperties: row.where_properties, sumProperties: row.sum_properties } }))).toEqual(
      withFacets.sort((left, right) => (left.layerId < right.layerId ? -1 : 1)),
    );
    const context = { asOfDate: manifest.district.planEnd, planStart: manifest.district.planStart };
    for (const layerId of LAYERS) {
      const definition = manifest.layers.find((layer) => layer.id === layerId);
      if (!definition) throw new Error(`no ${layerId} in the manifest`);
      const layer = measureLayer(definition, parseLayer(await readFile(join(projectDirectory, `geodata/${layerId}.geojson`), 'utf8'), layerId));
      for (const date of [null, '2024-06-30', '2025-12-31']) {
        const codes = date === null ? layer.columns.currentStatus : statusCodesAsOf(layer.columns, date);
        const { groups, targetGroups } = await queryStatusGroups(database.pool, layerId, date === null ? null : dayKey(date));
        const where = `${layerId} on ${date ?? 'today'}`;
        const expected = layerStats(layer, { codes, mask: filterMask(layer, undefined, codes) });
        const actual = layerStatsFromGroups(definition, groups);
        expect(actual.totals.features, where).toBe(expected.totals.features);
        expect(actual.totals.areaSquareMeters, where).toBeCloseTo(expected.totals.areaSquareMeters, 6);
        for (const target of definition.targets)
          expect(targetProgressFromGroups(target, targetGroups, context).actual, `${where} ${target.id}`).toBeCloseTo(targetProgress(target, layer, { ...context, codes }).actual, 9);
      }
    }
  });
});
