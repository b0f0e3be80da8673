import { defineConfig } from 'vitest/config';
import { databaseSuite } from './scripts/postgres/databaseSuite';

/**
 * API tests that are about the file store itself (files edited on disk, a full disk, the file
 * save sequence killed at each step): the database suite has its own for what they guard
 * (tests/db), and docs/database.md says why each stays file-only.
 */
export const FILE_STORE_ONLY_API_TESTS = [
  'tests/api/atomicWrite.test.ts',
  'tests/api/auditMemory.test.ts',
  'tests/api/auditWrites.test.ts',
  'tests/api/diskEdits.test.ts',
  'tests/api/diskFull.test.ts',
  'tests/api/saveKilledAtEachStep.test.ts',
  'tests/api/sigkillDurability.test.ts',
  // Tiles need PostGIS; under the file store the routes answer 404, which this file checks.
  'tests/api/vectorTilesNeedDatabase.test.ts',
];

/**
 * API tests of parts no store touches (the read-only city, basemap byte ranges): run once, with
 * the files. Login throttling is not one of them: in database mode its counts are the database's.
 */
export const STORE_INDEPENDENT_API_TESTS = ['tests/api/cityServer.test.ts', 'tests/api/pmtilesRanges.test.ts'];

const database = databaseSuite(process.env);
if (!database.run) console.log(database.skipped);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'files', include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/e2e/**/*.test.ts'] } },
      ...(database.run
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
                exclude: [...FILE_STORE_ONLY_API_TESTS, ...STORE_INDEPENDENT_API_TESTS],
                globalSetup: ['tests/support/postgresGlobalSetup.ts'],
                env: { PLAN_MAP_TEST_STORE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
