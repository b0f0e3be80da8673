import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { it } from 'vitest';
import { exportDistrict } from '../../../src/data/postgres/exportDistrict';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPlanMapServer } from '../../../src/server/createPlanMapServer';
import type { PlanMapApiOptions } from '../../../src/server/api/createPlanMapApi';
import type { Account, Role } from '../../../src/data/accounts/account';
import type { EditScope } from '../../../src/domain/access/editScope';
import { accountsFileIn, writeAccounts } from '../../../src/data/accounts/accountsFile';
import { databaseAccountBook } from '../../../src/data/postgres/databaseAccountBook';
import { openPlanDatabase } from '../../../src/data/postgres/planDatabase';
import { hashPassword } from '../../../src/data/accounts/passwordHash';
import { ApiClient } from './apiClient';
import { importTestDistrict, testingAgainstDatabase, type TestDistrictSchema } from '../../support/databaseTestStore';

export const projectDirectory = resolve(import.meta.dirname, '../../..');

export const EDITOR = { username: 'editor', password: 'editor-password-1' };
export const SECOND_EDITOR = { username: '李工', password: 'second-editor-pw' };
export const VIEWER = { username: 'viewer', password: 'viewer-password-1' };
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export type TestAccount = { username: string; password: string; role: Role; scope?: EditScope };

/** The accounts every test server starts with. */
export const TEST_ACCOUNTS: TestAccount[] = [
  { ...EDITOR, role: 'editor' },
  { ...SECOND_EDITOR, role: 'editor' },
  { ...VIEWER, role: 'viewer' },
  { ...ADMIN, role: 'admin' },
];

export interface ApiTestServer {
  baseUrl: string;
  /** A temporary copy of geodata/ (layers, manifest, schemas; no basemap). */
  geodataDirectory: string;
  stateDirectory: string;
  /** A folder holding both, for files that must never be served. */
  rootDirectory: string;
  /** In the database suite: the schema the server stores the district in (a copy of geodataDirectory, imported at start). */
  databaseSchema?: TestDistrictSchema;
  /** What the store holds at a path of the district now ("roads.geojson", "layers.json"): the file, or the database's row. */
  readStored(path: string): Promise<Buffer>;
  /** The audit log as stored, one JSON record a line, oldest first. */
  storedAuditLines(): Promise<string[]>;
  /** A folder holding the district as stored (for check-data): the geodata folder itself, or an export of the schema. */
  storedFolder(): Promise<string>;
  client(): ApiClient;
  /** A client signed in as `account` (EDITOR by default). */
  login(account?: { username: string; password: string }): Promise<ApiClient>;
  /** Replaces the accounts where this server reads them (accounts.json, or the database), as an administrator would. */
  writeAccounts(accounts: TestAccount[]): Promise<void>;
  /** The `npm run accounts` options that reach this server's accounts: its state folder, or its database and schema. */
  accountsOptions: string[];
  close(): Promise<void>;
}

/**
 * A test of the file store's own behaviour (an edit made on disk, the log file's layout): the
 * database suite skips it, and tests/db holds what guards the same promise there.
 */
export const fileStoreOnly = testingAgainstDatabase() ? it.skip : it;

/** Copies the real layers into a temporary folder, so tests can change them freely. */
export async function copyGeodata(rootDirectory: string): Promise<string> {
  const geodataDirectory = join(rootDirectory, 'geodata');
  await cp(join(projectDirectory, 'geodata'), geodataDirectory, {
    recursive: true,
    filter: (source) => !source.includes(`${join('geodata', 'basemap')}`),
  });
  return geodataDirectory;
}

/**
 * Replaces the accounts with these, where a server reads them: accounts.json in the state folder,
 * or with `database`, the schema's account table (the database suite's servers read only that).
 */
export async function writeTestAccounts(stateDirectory: string, accounts: TestAccount[], database?: { url: string; schema: string }): Promise<void> {
  const records: Account[] = await Promise.all(
    accounts.map(async ({ username, password, role, scope }) => ({ username, role, passwordHash: await hashPassword(password), created: new Date().toISOString(), ...(scope ? { scope } : {}) })),
  );
  if (!database) {
    await writeAccounts(accountsFileIn(stateDirectory), records);
    return;
  }
  const opened = openPlanDatabase(database.url, database.schema, 1);
  try {
    const book = databaseAccountBook(opened);
    for (const { username } of await book.all()) await book.remove(username);
    for (const record of records) await book.add(record);
  } finally {
    await opened.pool.end();
  }
}

/**
 * Signs in as a person would: told to wait (429 from one address, 503 when the whole server
 * has had many sign-ins at once; tests that start many clients together meet both), it waits
 * as long as Retry-After says and tries again.
 */
export async function signedInClient(baseUrl: string, account: { username: string; password: string }): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  for (let attempt = 1; ; attempt += 1) {
    const response = await client.login(account.username, account.password);
    if (response.status === 200) return client;
    const retryAfterSeconds = Number(response.headers.get('retry-after'));
    if ((response.status !== 429 && response.status !== 503) || !(retryAfterSeconds > 0) || attempt === 20)
      throw new Error(`login as ${account.username} failed: ${response.status}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, retryAfterSeconds * 1000));
  }
}

/** PLAN_MAP_ONE_ROW_SAVE_FROM, as a spawned server reads it: runs the API suite with project saves on the one-row path (0). */
function oneRowSaveFromEnv(): { oneRowSaveMinProjects?: number } {
  const from = process.env.PLAN_MAP_ONE_ROW_SAVE_FROM;
  return from ? { oneRowSaveMinProjects: Number(from) } : {};
}

/**
 * The real server, in process, on a free port over a temporary copy of geodata/ and a temporary
 * state folder; in the database suite, over that copy imported into a schema of its own.
 */
export async function startApiTestServer(api: Omit<PlanMapApiOptions, 'geodataDirectory' | 'stateDirectory'> = {}): Promise<ApiTestServer> {
  const rootDirectory = await mkdtemp(join(tmpdir(), 'plan-map-api-'));
  const geodataDirectory = await copyGeodata(rootDirectory);
  const stateDirectory = join(rootDirectory, 'state');
  const databaseSchema = testingAgainstDatabase() ? await importTestDistrict(geodataDirectory) : undefined;
  await writeTestAccounts(stateDirectory, TEST_ACCOUNTS, databaseSchema?.database);
  const server = createPlanMapServer({
    distDirectory: join(projectDirectory, 'dist'),
    geodataDirectory,
    stateDirectory,
    api: { watchDebounceMs: 50, ...(databaseSchema ? { database: { ...databaseSchema.database, ...oneRowSaveFromEnv() } } : {}), ...api },
  });
  await server.api?.ready;
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    geodataDirectory,
    stateDirectory,
    rootDirectory,
    ...(databaseSchema ? { databaseSchema } : {}),
    readStored: async (path) => {
      const bytes = await server.api?.geodata.read(path);
      if (!bytes) throw new Error(`the store holds no ${path}`);
      return bytes;
    },
    storedAuditLines: async () => {
      if (!databaseSchema) return (await readFile(join(stateDirectory, 'audit.jsonl'), 'utf8')).split('\n').filter(Boolean);
      const database = databaseSchema.open();
      try {
        return (await database.pool.query<{ record: string }>('SELECT record FROM plan_audit ORDER BY sequence')).rows.map((row) => row.record);
      } finally {
        await database.pool.end();
      }
    },
    storedFolder: async () => {
      if (!databaseSchema) return geodataDirectory;
      const folder = await mkdtemp(join(rootDirectory, 'exported-'));
      const database = databaseSchema.open();
      try {
        await exportDistrict(database, folder);
      } finally {
        await database.pool.end();
      }
      return folder;
    },
    client: () => new ApiClient(baseUrl),
    login: (account = EDITOR) => signedInClient(baseUrl, account),
    writeAccounts: (accounts) => writeTestAccounts(stateDirectory, accounts, databaseSchema?.database),
    accountsOptions: databaseSchema ? ['--database-url', databaseSchema.database.url, '--schema', databaseSchema.database.schema] : ['--state', stateDirectory],
    close: async () => {
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
      await server.api?.close();
      await databaseSchema?.drop();
      await rm(rootDirectory, { recursive: true, force: true });
    },
  };
}
