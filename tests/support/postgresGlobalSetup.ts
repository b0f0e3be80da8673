import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, stopPostgresCluster } from '../../scripts/postgres/postgresCluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database the postgres project's servers use: PLAN_MAP_TEST_DATABASE_URL, or a throwaway cluster's. */
    databaseUrl: string;
  }
}

/**
 * Gives the database suite a PostgreSQL/PostGIS: the one PLAN_MAP_TEST_DATABASE_URL names, or a
 * cluster of its own in a temporary folder on a free localhost port, removed afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.PLAN_MAP_TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return async () => undefined;
  }
  const directory = await mkdtemp(join(tmpdir(), 'plan-map-pg-'));
  const cluster = await startPostgresCluster(directory);
  console.log(`数据库测试 / database suite: throwaway PostgreSQL on 127.0.0.1:${cluster.port} in ${directory}`);
  project.provide('databaseUrl', cluster.url);
  return () => stopPostgresCluster(directory, { remove: true });
}
