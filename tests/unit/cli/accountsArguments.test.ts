import { describe, expect, it } from 'vitest';
import { parseAccountsArguments } from '../../../src/cli/accountsArguments';

const fromEnv = { stateDirectory: '/srv/plan-map/state' };

describe('where `npm run accounts` finds the accounts', () => {
  it('is the state folder unless a database is named', () => {
    expect(parseAccountsArguments(['list'], fromEnv)).toEqual({ ok: true, value: { action: 'list', stateDirectory: '/srv/plan-map/state' } });
  });

  it('is the database the server uses when PLAN_MAP_DATABASE_URL is set, in its schema or plan_map', () => {
    const parsed = parseAccountsArguments(['passwd', 'wangfang'], { ...fromEnv, databaseUrl: 'postgres://plan@db/bureau', databaseSchema: 'east_lake' });
    expect(parsed).toMatchObject({ ok: true, value: { action: 'passwd', username: 'wangfang', database: { url: 'postgres://plan@db/bureau', schema: 'east_lake' } } });
    expect(parseAccountsArguments(['list'], { ...fromEnv, databaseUrl: 'postgres://plan@db/bureau' })).toMatchObject({ ok: true, value: { database: { schema: 'plan_map' } } });
  });

  it('takes --database-url and --schema over the environment', () => {
    const parsed = parseAccountsArguments(['role', 'liqiang', 'viewer', '--database-url', 'postgresql://other/db', '--schema', 'west'], { ...fromEnv, databaseUrl: 'postgres://plan@db/bureau' });
    expect(parsed).toMatchObject({ ok: true, value: { action: 'role', role: 'viewer', database: { url: 'postgresql://other/db', schema: 'west' } } });
  });

  it('refuses a URL that is not postgres://, a schema that is no schema name, a flag without its value, and a schema without a database', () => {
    for (const argv of [
      ['list', '--database-url', 'mysql://db/x'],
      ['list', '--database-url', 'postgres://db/x', '--schema', 'Drop Table'],
      ['list', '--database-url'],
      ['list', '--schema', '--database-url', 'postgres://db/x'],
      ['list', '--schema', 'east_lake'],
    ]) {
      const parsed = parseAccountsArguments(argv, fromEnv);
      expect(parsed.ok, argv.join(' ')).toBe(false);
    }
  });
});
