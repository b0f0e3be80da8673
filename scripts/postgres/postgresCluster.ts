import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The role the cluster's URL names; the cluster trusts local connections, so it takes no password. */
export const CLUSTER_USER = 'plan_map';
export const CLUSTER_DATABASE = 'plan_map';

export interface PostgresCluster {
  url: string;
  directory: string;
  port: number;
}

/** The newest installed server binaries (Debian's postgresql-NN), or undefined. */
export function postgresBinDirectory(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** Whether PostGIS is installed for that server (its extension control file). */
export function hasPostgis(binDirectory: string): boolean {
  const version = /\/(\d+)\/bin$/.exec(binDirectory)?.[1];
  return version !== undefined && existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a server binary as the postgres account when we are root: PostgreSQL refuses to run as root. */
async function asServerUser(binDirectory: string, program: string, args: string[]): Promise<string> {
  const command = join(binDirectory, program);
  const { stdout } = process.getuid?.() === 0 ? await run('runuser', ['-u', 'postgres', '--', command, ...args]) : await run(command, args);
  return stdout;
}

/**
 * A PostgreSQL cluster of its own in `directory`, listening on localhost only, with a database
 * where PostGIS is created: for tests, and for trying the database mode on one machine.
 */
export async function startPostgresCluster(directory: string, port?: number): Promise<PostgresCluster> {
  const bin = postgresBinDirectory();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql postgis)');
  const dataDirectory = join(directory, 'data');
  const clusterPort = port ?? (await freePort());
  const fresh = !existsSync(join(dataDirectory, 'PG_VERSION'));
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (process.getuid?.() === 0) await chown(directory, ...(await postgresIds()));
  if (fresh) await asServerUser(bin, 'initdb', ['-D', dataDirectory, '-U', CLUSTER_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Started already (a second `npm run db -- start`): pg_ctl status answers 0 for a running server.
  const running = !fresh && (await asServerUser(bin, 'pg_ctl', ['-D', dataDirectory, 'status']).then(() => true, () => false));
  if (!running) await asServerUser(bin, 'pg_ctl', [
    '-D', dataDirectory, '-l', join(directory, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${clusterPort} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300`,
    'start',
  ]);
  const url = `postgres://${CLUSTER_USER}@127.0.0.1:${clusterPort}/${CLUSTER_DATABASE}`;
  // Every start, not only the first: a first start that failed half-way left a cluster without them.
  const psql = (database: string, sql: string) => asServerUser(bin, 'psql', ['-h', '127.0.0.1', '-p', String(clusterPort), '-U', CLUSTER_USER, '-d', database, '-tAqc', sql]);
  if ((await psql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${CLUSTER_DATABASE}'`)).trim() !== '1')
    await asServerUser(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(clusterPort), '-U', CLUSTER_USER, CLUSTER_DATABASE]);
  await psql(CLUSTER_DATABASE, 'CREATE EXTENSION IF NOT EXISTS postgis');
  return { url, directory, port: clusterPort };
}

export async function stopPostgresCluster(directory: string, options: { remove: boolean }): Promise<void> {
  const bin = postgresBinDirectory();
  if (bin && existsSync(join(directory, 'data', 'postmaster.pid'))) await asServerUser(bin, 'pg_ctl', ['-D', join(directory, 'data'), '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  if (options.remove) await rm(directory, { recursive: true, force: true });
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return [Number(uid.trim()), Number(gid.trim())];
}
