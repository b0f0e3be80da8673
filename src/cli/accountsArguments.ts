import { isRole, type Role } from '../data/accounts/account';

/** Command-line arguments of `npm run accounts`. */
export type AccountsAction =
  | { action: 'list' }
  | { action: 'add'; username: string; role: Role }
  | { action: 'passwd'; username: string }
  | { action: 'role'; username: string; role: Role }
  | { action: 'remove'; username: string };

export type AccountsArguments = AccountsAction & { stateDirectory: string };

export type ParsedAccountsArguments = { ok: true; value: AccountsArguments } | { ok: false; message: string };

export const ACCOUNTS_USAGE = `用法 Usage:
  npm run --silent accounts -- add <用户名 username> [--role admin|editor|viewer] [--password-stdin]
  npm run --silent accounts -- passwd <用户名 username> [--password-stdin]
  npm run --silent accounts -- role <用户名 username> admin|editor|viewer
  npm run --silent accounts -- list
  npm run --silent accounts -- remove <用户名 username>
选项 Options: --state <dir>  状态目录 state folder (default PLAN_MAP_STATE or .plan-map/)`;

const BAD_ROLE = '角色须为 admin、editor 或 viewer / the role must be admin, editor or viewer';

export function parseAccountsArguments(argv: readonly string[], defaultStateDirectory: string): ParsedAccountsArguments {
  const positional: string[] = [];
  let role: Role | undefined;
  let stateDirectory = defaultStateDirectory;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--role') {
      const value = argv[(index += 1)];
      if (!isRole(value)) return { ok: false, message: BAD_ROLE };
      role = value;
    } else if (argument === '--state') {
      const value = argv[(index += 1)];
      if (!value) return { ok: false, message: '--state 需要一个目录 / --state needs a folder' };
      stateDirectory = value;
    } else if (argument === '--password-stdin') {
      // The default already; accepted so scripts can say so.
    } else if (argument.startsWith('--')) return { ok: false, message: `未知选项 / unknown option: ${argument.slice(0, 40)}` };
    else positional.push(argument);
  }
  const [action, username, roleWord, ...extra] = positional;
  const withState = (value: AccountsAction): ParsedAccountsArguments => ({ ok: true, value: { ...value, stateDirectory } });
  if (extra.length > 0 || (roleWord !== undefined && action !== 'role')) return { ok: false, message: ACCOUNTS_USAGE };
  if (action === 'list' && username === undefined) return withState({ action });
  if (username === undefined) return { ok: false, message: ACCOUNTS_USAGE };
  switch (action) {
    case 'add':
      return withState({ action, username, role: role ?? 'editor' });
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
