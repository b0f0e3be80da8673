import { hasPostgis, postgresBinDirectory } from './postgresCluster';

export const DATABASE_SUITE_SKIPPED =
  '数据库测试已跳过：未找到 PostgreSQL/PostGIS（见 README 数据库模式）/ database suite skipped: no PostgreSQL with PostGIS found (apt-get install postgresql postgresql-postgis, or set PLAN_MAP_TEST_DATABASE_URL)';

/**
 * Whether `npm test` runs the database suite: with a database given (PLAN_MAP_TEST_DATABASE_URL),
 * or PostgreSQL and PostGIS installed to start a throwaway cluster; otherwise it is left out and
 * `skipped` says so, so a missing database is never mistaken for a passing suite.
 */
export function databaseSuite(
  env: NodeJS.ProcessEnv,
  installed: { binDirectory: string | undefined; postgis: (binDirectory: string) => boolean } = { binDirectory: postgresBinDirectory(), postgis: hasPostgis },
): { run: true } | { run: false; skipped: string } {
  if (env.PLAN_MAP_TEST_DATABASE_URL) return { run: true };
  if (installed.binDirectory !== undefined && installed.postgis(installed.binDirectory)) return { run: true };
  return { run: false, skipped: DATABASE_SUITE_SKIPPED };
}
