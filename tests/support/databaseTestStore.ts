import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { importDistrict } from '../../src/data/postgres/importDistrict';
import { openPlanDatabase, quotedSchema, type PlanDatabase } from '../../src/data/postgres/planDatabase';

/** Whether this run is the database suite (vitest's "postgres" project), where every API server uses PostgreSQL. */
export function testingAgainstDatabase(): boolean {
  return process.env.PLAN_MAP_TEST_STORE === 'postgres';
}

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

export interface TestDistrictSchema {
  database: { url: string; schema: string };
  /** A pool on the schema, for tests that look inside. */
  open(): PlanDatabase;
  drop(): Promise<void>;
}

/** A fresh schema holding the geodata folder, as `store import` puts it there. */
export async function importTestDistrict(geodataDirectory: string): Promise<TestDistrictSchema> {
  const url = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = openPlanDatabase(url, schema, 2);
  try {
    await importDistrict(geodataDirectory, database, { replace: false });
  } finally {
    await database.pool.end();
  }
  return {
    database: { url, schema },
    open: () => openPlanDatabase(url, schema, 2),
    drop: async () => {
      const admin = openPlanDatabase(url, schema, 1);
      try {
        await admin.pool.query(`DROP SCHEMA IF EXISTS ${quotedSchema(schema)} CASCADE`);
      } finally {
        await admin.pool.end();
      }
    },
  };
}
