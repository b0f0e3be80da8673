import { describe, expect, it } from 'vitest';
import { serverSettingsFromEnv, SettingsError } from '../../../src/server/serverSettingsFromEnv';

const settings = (env: NodeJS.ProcessEnv) => serverSettingsFromEnv(env, '/project');

describe('login settings from the environment', () => {
  it('PLAN_MAP_TRUSTED_PROXIES takes addresses and subnets and refuses anything else', () => {
    expect(settings({}).trustedProxies).toEqual([]);
    expect(settings({ PLAN_MAP_TRUSTED_PROXIES: '10.0.0.2, 172.16.0.0/12,fd00::/8' }).trustedProxies).toEqual(['10.0.0.2', '172.16.0.0/12', 'fd00::/8']);
    for (const wrong of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/8'])
      expect(() => settings({ PLAN_MAP_TRUSTED_PROXIES: wrong }), wrong).toThrow(SettingsError);
  });

  it('hashes one password at a time by default, and never as many as the thread pool has threads', () => {
    expect(settings({}).loginLimits).toEqual({ hashesAtOnce: 1, checksPerMinute: 60 });
    expect(settings({ PLAN_MAP_LOGIN_HASHES_AT_ONCE: '3', PLAN_MAP_LOGINS_PER_MINUTE: '30' }).loginLimits).toEqual({ hashesAtOnce: 3, checksPerMinute: 30 });
    expect(() => settings({ PLAN_MAP_LOGIN_HASHES_AT_ONCE: '4' })).toThrow(/UV_THREADPOOL_SIZE, 4/);
    expect(settings({ PLAN_MAP_LOGIN_HASHES_AT_ONCE: '4', UV_THREADPOOL_SIZE: '8' }).loginLimits.hashesAtOnce).toBe(4);
    expect(() => settings({ PLAN_MAP_LOGIN_HASHES_AT_ONCE: '1.5' })).toThrow(SettingsError);
  });
});
