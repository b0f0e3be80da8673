import { isRole, type Role } from '../data/accounts/account';
import type { EditScope } from '../domain/access/editScope';
import { DEFAULT_DATABASE_SCHEMA, isSchemaName } from '../data/postgres/planDatabase';

/** Command-line arguments of `npm run accounts`. */
export type AccountsAction =
  | { action: 'list' }
  | { action: 'add'; username: string; role: Role; scope?: EditScope }
  /** scope undefined: the account edits everything its role allows again. */
  | { action: 'scope'; username: string; scope?: EditScope }
  | { action: 'passwd'; username: string }
  | { action: 'role'; username: string; role: Role }
  | { action: 'remove'; username: string };

/** Where the accounts are: the state folder's accounts.json, or the district's schema when a database is named. */
export type AccountsPlace = { stateDirectory: string; database?: { url: string; schema: string } };

export type AccountsArguments = AccountsAction & AccountsPlace;

/** The defaults the environment gives: PLAN_MAP_STATE, PLAN_MAP_DATABASE_URL and PLAN_MAP_DATABASE_SCHEMA, as the server reads them. */
export interface AccountsDefaults {
  stateDirectory: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

export type ParsedAccountsArguments = { ok: true; value: AccountsArguments } | { ok: false; message: string };

export const ACCOUNTS_USAGE = `用法 Usage:
  npm run --silent accounts -- add <用户名 username> [--role admin|editor|viewer] [--sub-districts 甲街道,乙街道] [--layers <图层 id>,…] [--password-stdin]
  npm run --silent accounts -- scope <用户名 username> [--sub-districts 甲街道,乙街道] [--layers <图层 id>,…] | --clear
  npm run --silent accounts -- passwd <用户名 username> [--password-stdin]
  npm run --silent accounts -- role <用户名 username> admin|editor|viewer
  npm run --silent accounts -- list
  npm run --silent accounts -- remove <用户名 username>
选项 Options: --state <dir>  状态目录 state folder (default PLAN_MAP_STATE or .plan-map/)
  --database-url <postgres://…> [--schema ${DEFAULT_DATABASE_SCHEMA}]  数据库模式：账号在该区的 schema 中 / database mode: the accounts are in the district's schema
    (default PLAN_MAP_DATABASE_URL and PLAN_MAP_DATABASE_SCHEMA, as the server reads them)
编辑范围 Scope: --sub-districts / --layers 限定可编辑的街道和图层（逗号分隔）；scope 用给出的范围替换原有范围，--clear 取消限制
  --sub-districts / --layers limit what the account may edit (comma-separated); scope replaces the account's scope with the one given, --clear lifts it`;

const BAD_ROLE = '角色须为 admin、editor 或 viewer / the role must be admin, editor or viewer';

export function parseAccountsArguments(argv: readonly string[], defaults: AccountsDefaults): ParsedAccountsArguments {
  const positional: string[] = [];
  let role: Role | undefined;
  let stateDirectory = defaults.stateDirectory;
  let databaseUrl = defaults.databaseUrl?.trim() || undefined;
  let schema = defaults.databaseSchema?.trim() || DEFAULT_DATABASE_SCHEMA;
  let schemaGiven = false;
  const scope: { subDistricts?: string[]; layers?: string[] } = {};
  let clear = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--sub-districts' || argument === '--layers') {
      const names = nameList(argv[(index += 1)]);
      if (!names) return { ok: false, message: `${argument} 需要逗号分隔的名称 / ${argument} needs comma-separated names` };
      scope[argument === '--layers' ? 'layers' : 'subDistricts'] = names;
    } else if (argument === '--clear') {
      clear = true;
    } else if (argument === '--role') {
      const value = argv[(index += 1)];
      if (!isRole(value)) return { ok: false, message: BAD_ROLE };
      role = value;
    } else if (argument === '--state') {
      const value = argv[(index += 1)];
      if (!value) return { ok: false, message: '--state 需要一个目录 / --state needs a folder' };
      stateDirectory = value;
    } else if (argument === '--database-url' || argument === '--schema') {
      const value = argv[(index += 1)];
      if (!value || value.startsWith('--')) return { ok: false, message: `${argument} 后须给出取值 / ${argument} needs a value` };
      if (argument === '--schema') [schema, schemaGiven] = [value, true];
      else databaseUrl = value;
    } else if (argument === '--password-stdin') {
      // The default already; accepted so scripts can say so.
    } else if (argument.startsWith('--')) return { ok: false, message: `未知选项 / unknown option: ${argument.slice(0, 40)}` };
    else positional.push(argument);
  }
  // Without a database the accounts are accounts.json: a schema named there would be silently ignored.
  if (schemaGiven && databaseUrl === undefined) return { ok: false, message: '--schema 需与 --database-url（或 PLAN_MAP_DATABASE_URL）同用 / --schema goes with --database-url (or PLAN_MAP_DATABASE_URL)' };
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) return { ok: false, message: '数据库地址须以 postgres:// 开头 / the database URL must start with postgres://' };
  if (!isSchemaName(schema)) return { ok: false, message: `--schema 须为小写字母、数字和下划线 / --schema must be lower-case letters, digits and underscores: ${schema.slice(0, 64)}` };
  const place: AccountsPlace = { stateDirectory, ...(databaseUrl !== undefined ? { database: { url: databaseUrl, schema } } : {}) };
  const [action, username, roleWord, ...extra] = positional;
  const withState = (value: AccountsAction): ParsedAccountsArguments => ({ ok: true, value: { ...value, ...place } });
  if (extra.length > 0 || (roleWord !== undefined && action !== 'role')) return { ok: false, message: ACCOUNTS_USAGE };
  const scoped = scope.subDistricts !== undefined || scope.layers !== undefined;
  if ((scoped && action !== 'add' && action !== 'scope') || (clear && action !== 'scope'))
    return { ok: false, message: `--sub-districts、--layers 只用于 add 和 scope，--clear 只用于 scope / --sub-districts and --layers go with add and scope, --clear with scope only\n${ACCOUNTS_USAGE}` };
  if (action === 'list' && username === undefined) return withState({ action });
  if (username === undefined) return { ok: false, message: ACCOUNTS_USAGE };
  switch (action) {
    case 'add':
      return withState({ action, username, role: role ?? 'editor', ...(scoped ? { scope } : {}) });
    case 'scope':
      if (scoped === clear) return { ok: false, message: `scope 需要 --sub-districts、--layers 或 --clear（不可同时） / scope needs --sub-districts, --layers or --clear (not both)\n${ACCOUNTS_USAGE}` };
      return withState({ action, username, ...(scoped ? { scope } : {}) });
    case 'passwd':
    case 'remove':
      return withState({ action, username });
    case 'role': {
      const newRole = roleWord ?? role;
      return isRole(newRole) ? withState({ action, username, role: newRole }) : { ok: false, message: BAD_ROLE };
    }
    default:
      return { ok: false, message: ACCOUNTS_USAGE };
  }
}

/** "东湖街道,西湖街道" (a Chinese comma too), trimmed, without repeats; undefined when it names nothing. */
function nameList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.startsWith('--')) return undefined;
  const names = [...new Set(value.split(/[,，、]/).map((name) => name.trim()).filter((name) => name !== ''))];
  return names.length > 0 ? names : undefined;
}
