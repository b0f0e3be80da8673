import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quotedSchema, type PlanDatabase } from './planDatabase';

const MIGRATIONS_DIRECTORY = join(import.meta.dirname, 'migrations');
const MIGRATION_FILE = /^\d{3}-[a-z0-9-]+\.sql$/;
/** One lock for every schema: CREATE EXTENSION from two districts at once would race. */
const MIGRATION_LOCK_KEY = 'plan-map-migrations';

/**
 * Applies the migration files not yet applied to the district's schema, in name order, each in
 * its own transaction with its entry in schema_migration. Servers starting together take turns
 * (an advisory lock), so running it twice, or on two servers at once, applies each file once.
 * Returns the names applied now.
 */
export async function applyMigrations(database: PlanDatabase): Promise<string[]> {
  const schema = quotedSchema(database.schema);
  const files = (await readdir(MIGRATIONS_DIRECTORY)).filter((name) => MIGRATION_FILE.test(name)).sort();
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await client.query<{ name: string }>(`SELECT name FROM ${schema}.schema_migration`)).rows.map((row) => row.name));
      const applied: string[] = [];
      for (const name of files) {
        if (done.has(name)) continue;
        const sql = await readFile(join(MIGRATIONS_DIRECTORY, name), 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query(`INSERT INTO ${schema}.schema_migration (name) VALUES ($1)`, [name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        applied.push(name);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
