import { resolve } from 'node:path';
import type { ReadAccess } from './api/apiContext';
import { DEFAULT_KEEP_VERSIONS, DEFAULT_MAX_UPLOAD_BYTES } from './api/createPlanMapApi';
import { isSaveStep, SAVE_STEPS, type SaveStep } from './store/saveSteps';

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
}

export class SettingsError extends Error {}

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

function readAccessFrom(env: NodeJS.ProcessEnv, name: string, fallback: ReadAccess): ReadAccess {
  const value = env[name] ?? fallback;
  if (value !== 'open' && value !== 'login') throw new SettingsError(`${name} 须为 open 或 login / ${name} must be open or login`);
  return value;
}

/**
 * PORT, HOST, PLAN_MAP_GEODATA, PLAN_MAP_STATE (default <project>/.plan-map), PLAN_MAP_READ
 * (open | login), PLAN_MAP_AUDIT_READ (login | open), PLAN_MAP_MAX_UPLOAD_MB (50),
 * PLAN_MAP_KEEP_VERSIONS (20), PLAN_MAP_TRUSTED_ORIGINS (comma-separated, e.g. a reverse proxy's
 * https://plan.example.gov.cn).
 */
export function serverSettingsFromEnv(env: NodeJS.ProcessEnv, projectDirectory: string): ServerSettings {
  const readAccess = readAccessFrom(env, 'PLAN_MAP_READ', 'open');
  const killAt = testKillAtSaveStep(env);
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
    trustedOrigins: (env.PLAN_MAP_TRUSTED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    ...(killAt ? { testKillAtSaveStep: killAt } : {}),
  };
}
