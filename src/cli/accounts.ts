import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isValidUsername, MIN_PASSWORD_LENGTH, type Account } from '../data/accounts/account';
import type { AccountBook } from '../data/accounts/accountBook';
import { accountsFileIn } from '../data/accounts/accountsFile';
import { fileAccountBook } from '../data/accounts/fileAccountBook';
import { applyMigrations } from '../data/postgres/applyMigrations';
import { databaseAccountBook } from '../data/postgres/databaseAccountBook';
import { openPlanDatabase } from '../data/postgres/planDatabase';
import { redactedDatabaseUrl } from '../data/postgres/redactedDatabaseUrl';
import { hashPassword } from '../data/accounts/passwordHash';
import { parseManifest } from '../data/parseGeodata';
import { readSubDistricts } from '../data/readSubDistricts';
import { scopeParts, type EditScope } from '../domain/access/editScope';
import { parseAccountsArguments, type AccountsArguments } from './accountsArguments';
import { readNewPassword } from './readNewPassword';

/*
 * npm run --silent accounts -- add|passwd|role|scope|list|remove …  (ACCOUNTS_USAGE has the forms)
 * The state folder is PLAN_MAP_STATE, default <project>/.plan-map; --state <dir> overrides it.
 * With PLAN_MAP_DATABASE_URL (or --database-url) the accounts are the district's schema's
 * (PLAN_MAP_DATABASE_SCHEMA or --schema), as the server in database mode reads them.
 * A scope's names are checked against the geodata folder (PLAN_MAP_GEODATA, default
 * <project>/geodata) as the server reads it; a scope changes no session, the server applies
 * the new one at the next save.
 * A running server reads accounts.json again when it changes: a new password, a new role or a
 * removal ends that account's open sessions at their next request; in the database the change
 * deletes them at once, on every server.
 */

class UsageError extends Error {}

async function newPasswordHash(): Promise<string> {
  const password = await readNewPassword();
  if (password === undefined) throw new UsageError('两次输入的密码不一致 / the passwords differ');
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return hashPassword(password);
}

/**
 * A warning for names the district does not have: a misspelt sub-district would leave the account
 * nothing to edit, without a word, so it is said here. Not an error: the basemap may come later.
 */
async function warnOfUnknownNames(scope: EditScope | undefined): Promise<void> {
  if (!scope) return;
  const geodata = resolve(process.env.PLAN_MAP_GEODATA ?? resolve(import.meta.dirname, '../../geodata'));
  const known = (await readSubDistricts(geodata)).map((subDistrict) => subDistrict.name);
  const layerIds: string[] = await readFile(join(geodata, 'layers.json'), 'utf8').then((text) => parseManifest(text).layers.map((layer) => layer.id)).catch(() => []);
  const unknown = [
    ...(known.length > 0 ? (scope.subDistricts ?? []).filter((name) => !known.includes(name)) : []),
    ...(layerIds.length > 0 ? (scope.layers ?? []).filter((id) => !layerIds.includes(id)) : []),
  ];
  if (unknown.length > 0) console.error(`注意：${geodata} 中没有 / note: ${geodata} has no ${unknown.join(', ')} (${[...known, ...layerIds].join(', ')})`);
}

const scopeText = (scope: EditScope | undefined): string => (scope ? scopeParts(scope, (id) => id).join(' · ') : '');

async function existing(book: AccountBook, username: string): Promise<Account> {
  const account = await book.find(username);
  if (!account) throw new UsageError(`没有这个账号 / no such account: ${username}`);
  return account;
}

/** A change that finds the account gone (removed meanwhile by someone else) says so, as a missing one does. */
async function replaceIn(book: AccountBook, account: Account): Promise<void> {
  if (!(await book.replace(account))) throw new UsageError(`没有这个账号 / no such account: ${account.username}`);
}

async function runOn(book: AccountBook, command: AccountsArguments): Promise<void> {
  switch (command.action) {
    case 'list': {
      const accounts = await book.all();
      if (accounts.length === 0) console.log(`没有账号 / no accounts (${book.place})`);
      for (const account of accounts) console.log(`${account.username}\t${account.role}\t${account.created}${account.scope ? `\t${scopeText(account.scope)}` : ''}`);
      return;
    }
    case 'add': {
      const { username, role } = command;
      if (!isValidUsername(username))
        throw new UsageError('用户名只能含字母、数字、. _ -，最多 64 个字符 / a username uses letters, digits, . _ - (64 at most)');
      const taken = new UsageError(`账号已存在；改密码用 passwd / the account already exists; to change its password use passwd: ${username}`);
      if (await book.find(username)) throw taken;
      await warnOfUnknownNames(command.scope);
      const account = { username, role, passwordHash: await newPasswordHash(), created: new Date().toISOString(), ...(command.scope ? { scope: command.scope } : {}) };
      if (!(await book.add(account))) throw taken;
      console.log(`已添加 ${role} 账号 ${username} / added ${role} account ${username} (${book.place})${command.scope ? `: ${scopeText(command.scope)}` : ''}`);
      return;
    }
    case 'passwd': {
      const account = await existing(book, command.username);
      await replaceIn(book, { ...account, passwordHash: await newPasswordHash() });
      console.log(`已修改 ${account.username} 的密码，其已登录的会话全部失效 / changed the password of ${account.username}; its sessions have ended`);
      return;
    }
    case 'role': {
      const account = await existing(book, command.username);
      if (account.role === command.role) {
        console.log(`${account.username} 已是 ${command.role} / ${account.username} is already ${command.role}`);
        return;
      }
      await replaceIn(book, { ...account, role: command.role });
      console.log(`${account.username} 现为 ${command.role}，其已登录的会话全部失效 / ${account.username} is now ${command.role}; its sessions have ended`);
      return;
    }
    case 'scope': {
      const account: Account = { ...(await existing(book, command.username)) };
      delete account.scope;
      await warnOfUnknownNames(command.scope);
      await replaceIn(book, { ...account, ...(command.scope ? { scope: command.scope } : {}) });
      console.log(
        command.scope
          ? `${account.username} 现可编辑：${scopeText(command.scope)} / ${account.username} may now edit: ${scopeText(command.scope)}`
          : `${account.username} 的编辑范围已取消 / ${account.username} may now edit everything its role allows`,
      );
      return;
    }
    case 'remove': {
      const account = await existing(book, command.username);
      if (!(await book.remove(account.username))) throw new UsageError(`没有这个账号 / no such account: ${account.username}`);
      console.log(`已删除账号 ${account.username}，其已登录的会话全部失效 / removed account ${account.username}; its sessions have ended`);
      return;
    }
  }
}

async function run(argv: string[]): Promise<void> {
  const parsed = parseAccountsArguments(argv, {
    stateDirectory: process.env.PLAN_MAP_STATE ?? resolve(import.meta.dirname, '../../.plan-map'),
    ...(process.env.PLAN_MAP_DATABASE_URL ? { databaseUrl: process.env.PLAN_MAP_DATABASE_URL } : {}),
    ...(process.env.PLAN_MAP_DATABASE_SCHEMA ? { databaseSchema: process.env.PLAN_MAP_DATABASE_SCHEMA } : {}),
  });
  if (!parsed.ok) throw new UsageError(parsed.message);
  const command = parsed.value;
  if (!command.database) {
    await runOn(fileAccountBook(accountsFileIn(resolve(command.stateDirectory))), command);
    return;
  }
  const database = openPlanDatabase(command.database.url, command.database.schema, 1);
  try {
    // A district set up before accounts moved into the database gets its account table here.
    await applyMigrations(database).catch((error: unknown) => {
      throw new Error(`${redactedDatabaseUrl(database.url)}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await runOn(databaseAccountBook(database), command);
  } finally {
    await database.pool.end();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `错误 / error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
