import { resolve } from 'node:path';
import type { ReadAccess } from './api/apiContext';
import { DEFAULT_KEEP_VERSIONS, DEFAULT_MAX_UPLOAD_BYTES } from './api/createPlanMapApi';
import { isSaveStep, SAVE_STEPS, type SaveStep } from './store/saveSteps';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/loginGate';
import { parseProxyEntry } from './auth/trustedProxies';
import { DEFAULT_DATABASE_SCHEMA, isSchemaName } from '../data/postgres/planDatabase';

export interface ServerSettings {
  port: number;
  host: string;
  geodataDirectory: string;
  stateDirectory: string;
  readAccess: ReadAccess;
  auditReadAccess: ReadAccess;
  maxUploadBytes: number;
  keepVersions: number;
  trustedOrigins: string[];
  testKillAtSaveStep?: SaveStep;
  trustedProxies: string[];
  loginLimits: LoginLimits;
  database?: { url: string; schema: string; oneRowSaveMinProjects?: number };
  /** PLAN_MAP_CITY: a folder with city.json, served as a city of districts instead of one geodata folder (src/server/city). */
  cityDirectory?: string;
  /** PLAN_MAP_TILED_FROM: in database mode, layers of this many projects or more are drawn from vector tiles (docs/tiles.md). */
  tiledLayerMinFeatures?: number;
}

export class SettingsError extends Error {}

function commaList(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

function proxyList(env: NodeJS.ProcessEnv): string[] {
  const proxies = commaList(env, 'PLAN_MAP_TRUSTED_PROXIES');
  const wrong = proxies.find((entry) => parseProxyEntry(entry) === undefined);
  if (wrong !== undefined)
    throw new SettingsError(`PLAN_MAP_TRUSTED_PROXIES 须为逗号分隔的 IP 地址或网段 / PLAN_MAP_TRUSTED_PROXIES must list IP addresses or subnets, comma-separated: ${wrong.slice(0, 60)}`);
  return proxies;
}

/** libuv's default; UV_THREADPOOL_SIZE must be set before Node starts, it cannot be changed from inside. */
const DEFAULT_THREAD_POOL_SIZE = 4;

/** Hashing must leave at least one thread of the pool to file reads and saves (a pool of one thread allows one hash). */
function loginLimits(env: NodeJS.ProcessEnv): LoginLimits {
  const hashesAtOnce = positiveNumber(env, 'PLAN_MAP_LOGIN_HASHES_AT_ONCE', DEFAULT_LOGIN_LIMITS.hashesAtOnce);
  const threadPoolSize = Number(env.UV_THREADPOOL_SIZE) || DEFAULT_THREAD_POOL_SIZE;
  if (!Number.isInteger(hashesAtOnce) || hashesAtOnce >= Math.max(2, threadPoolSize))
    throw new SettingsError(
      `PLAN_MAP_LOGIN_HASHES_AT_ONCE 须为小于线程池大小（${threadPoolSize}）的整数 / PLAN_MAP_LOGIN_HASHES_AT_ONCE must be a whole number below the thread pool size (UV_THREADPOOL_SIZE, ${threadPoolSize})`,
    );
  return { hashesAtOnce, checksPerMinute: positiveNumber(env, 'PLAN_MAP_LOGINS_PER_MINUTE', DEFAULT_LOGIN_LIMITS.checksPerMinute) };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new SettingsError(`${name} 须为正数 / ${name} must be a positive number`);
  return value;
}

/**
 * The crash tests' kill switch, PLAN_MAP_TEST_KILL_AT=<save step>, is honoured only with
 * PLAN_MAP_TEST_MODE=1, so a stray variable can never make a production server kill itself.
 */
function testKillAtSaveStep(env: NodeJS.ProcessEnv): SaveStep | undefined {
  const step = env.PLAN_MAP_TEST_KILL_AT;
  if (env.PLAN_MAP_TEST_MODE !== '1' || !step) return undefined;
  if (!isSaveStep(step)) throw new SettingsError(`PLAN_MAP_TEST_KILL_AT 须为 ${SAVE_STEPS.join(' | ')} / PLAN_MAP_TEST_KILL_AT must be one of ${SAVE_STEPS.join(', ')}`);
  return step;
}

/**
 * PLAN_MAP_DATABASE_URL (postgres://…) switches to the PostgreSQL store; PLAN_MAP_DATABASE_SCHEMA
 * names the district's schema; PLAN_MAP_ONE_ROW_SAVE_FROM the layer size (projects) from which a
 * project's save writes its row alone (default: the tiled layers' size; 0: every layer).
 */
function databaseFrom(env: NodeJS.ProcessEnv): { url: string; schema: string; oneRowSaveMinProjects?: number } | undefined {
  const url = env.PLAN_MAP_DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new SettingsError('PLAN_MAP_DATABASE_URL 须以 postgres:// 开头 / PLAN_MAP_DATABASE_URL must start with postgres://');
  const schema = env.PLAN_MAP_DATABASE_SCHEMA?.trim() || DEFAULT_DATABASE_SCHEMA;
  if (!isSchemaName(schema))
    throw new SettingsError('PLAN_MAP_DATABASE_SCHEMA 须为小写字母、数字和下划线，以字母开头 / PLAN_MAP_DATABASE_SCHEMA must be lower-case letters, digits and underscores, starting with a letter');
  const oneRowFrom = env.PLAN_MAP_ONE_ROW_SAVE_FROM?.trim();
  if (oneRowFrom === undefined || oneRowFrom === '') return { url, schema };
  const oneRowSaveMinProjects = Number(oneRowFrom);
  if (!Number.isInteger(oneRowSaveMinProjects) || oneRowSaveMinProjects < 0)
    throw new SettingsError('PLAN_MAP_ONE_ROW_SAVE_FROM 须为非负整数 / PLAN_MAP_ONE_ROW_SAVE_FROM must be a whole number, 0 or more');
  return { url, schema, oneRowSaveMinProjects };
}

function readAccessFrom(env: NodeJS.ProcessEnv, name: string, fallback: ReadAccess): ReadAccess {
  const value = env[name] ?? fallback;
  if (value !== 'open' && value !== 'login') throw new SettingsError(`${name} 须为 open 或 login / ${name} must be open or login`);
  return value;
}

/**
 * PORT, HOST, PLAN_MAP_GEODATA, PLAN_MAP_STATE (default <project>/.plan-map), PLAN_MAP_READ
 * (open | login), PLAN_MAP_AUDIT_READ (login | open), PLAN_MAP_MAX_UPLOAD_MB (50),
 * PLAN_MAP_KEEP_VERSIONS (20), PLAN_MAP_TRUSTED_ORIGINS (comma-separated, e.g. a reverse proxy's
 * https://plan.example.gov.cn), PLAN_MAP_TRUSTED_PROXIES (comma-separated addresses or subnets of
 * reverse proxies), PLAN_MAP_LOGIN_HASHES_AT_ONCE (1), PLAN_MAP_LOGINS_PER_MINUTE (60),
 * PLAN_MAP_DATABASE_URL and PLAN_MAP_DATABASE_SCHEMA (plan_map),
 * PLAN_MAP_CITY (a folder with city.json: serve a city of districts), PLAN_MAP_TILED_FROM
 * (300000: in database mode, the project count from which a layer is drawn from vector tiles).
 */
export function serverSettingsFromEnv(env: NodeJS.ProcessEnv, projectDirectory: string): ServerSettings {
  const readAccess = readAccessFrom(env, 'PLAN_MAP_READ', 'open');
  const killAt = testKillAtSaveStep(env);
  const database = databaseFrom(env);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingsError('PORT 须为 0–65535 的整数 / PORT must be an integer from 0 to 65535');
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    geodataDirectory: resolve(env.PLAN_MAP_GEODATA ?? resolve(projectDirectory, 'geodata')),
    stateDirectory: resolve(env.PLAN_MAP_STATE ?? resolve(projectDirectory, '.plan-map')),
    readAccess,
    auditReadAccess: readAccessFrom(env, 'PLAN_MAP_AUDIT_READ', 'login'),
    maxUploadBytes: env.PLAN_MAP_MAX_UPLOAD_MB ? Math.round(positiveNumber(env, 'PLAN_MAP_MAX_UPLOAD_MB', 50) * 1024 * 1024) : DEFAULT_MAX_UPLOAD_BYTES,
    keepVersions: Math.round(positiveNumber(env, 'PLAN_MAP_KEEP_VERSIONS', DEFAULT_KEEP_VERSIONS)),
    trustedOrigins: commaList(env, 'PLAN_MAP_TRUSTED_ORIGINS'),
    trustedProxies: proxyList(env),
    loginLimits: loginLimits(env),
    ...(killAt ? { testKillAtSaveStep: killAt } : {}),
    ...(database ? { database } : {}),
    ...(env.PLAN_MAP_CITY ? { cityDirectory: resolve(env.PLAN_MAP_CITY) } : {}),
    ...(env.PLAN_MAP_TILED_FROM ? { tiledLayerMinFeatures: Math.round(positiveNumber(env, 'PLAN_MAP_TILED_FROM', 1)) } : {}),
  };
}
