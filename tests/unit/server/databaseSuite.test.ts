import { describe, expect, it } from 'vitest';
import { databaseSuite, DATABASE_SUITE_SKIPPED } from '../../../scripts/postgres/databaseSuite';
import { postgresBinDirectory } from '../../../scripts/postgres/postgresCluster';

/* `npm test` runs the database suite only with a database to run it on, and says so when it cannot. */

const nothingInstalled = { binDirectory: undefined, postgis: () => false };

describe('whether npm test runs the database suite', () => {
  it('leaves it out without PostgreSQL, saying why and how to get it', () => {
    expect(databaseSuite({}, nothingInstalled)).toEqual({ run: false, skipped: DATABASE_SUITE_SKIPPED });
    expect(DATABASE_SUITE_SKIPPED).toContain('database suite skipped');
    expect(DATABASE_SUITE_SKIPPED).toContain('postgresql-postgis');
  });

  it('leaves it out when PostgreSQL is there without PostGIS', () => {
    expect(databaseSuite({}, { binDirectory: '/usr/lib/postgresql/15/bin', postgis: () => false }).run).toBe(false);
  });

  it('runs it with PostgreSQL and PostGIS installed, or a database given', () => {
    expect(databaseSuite({}, { binDirectory: '/usr/lib/postgresql/15/bin', postgis: () => true }).run).toBe(true);
    expect(databaseSuite({ PLAN_MAP_TEST_DATABASE_URL: 'postgres://ci@db/plan' }, nothingInstalled).run).toBe(true);
  });

  it('finds the newest installed server on this machine when there is one', () => {
    const found = postgresBinDirectory();
    if (found !== undefined) expect(found).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
    else expect(databaseSuite({}).run).toBe(false);
  });
});
