import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isValidUsername, MIN_PASSWORD_LENGTH, ROLES, type Role } from '../data/accounts/account';
import { accountsFileIn, readAccounts, writeAccounts } from '../data/accounts/accountsFile';
import { hashPassword } from '../data/accounts/passwordHash';

/*
 * npm run --silent accounts -- add <username> [--role editor|viewer] [--password-stdin]
 * npm run --silent accounts -- list
 * npm run --silent accounts -- remove <username>
 * The password is read from stdin (first line), or typed at a hidden prompt when stdin is a
 * terminal; never from the command line, where it would land in the shell history.
 * The state folder is PLAN_MAP_STATE, default <project>/.plan-map; --state <dir> overrides it.
 */

const USAGE = `用法 Usage:
  npm run --silent accounts -- add <用户名 username> [--role editor|viewer] [--password-stdin]
  npm run --silent accounts -- list
  npm run --silent accounts -- remove <用户名 username>
选项 Options: --state <dir>  状态目录 state folder (default PLAN_MAP_STATE or .plan-map/)`;

class UsageError extends Error {}

interface Command {
  action: string;
  username?: string;
  role: Role;
  stateDirectory: string;
}

function parseArguments(args: string[]): Command {
  const positional: string[] = [];
  let role: Role = 'editor';
  let stateDirectory = process.env.PLAN_MAP_STATE ?? resolve(import.meta.dirname, '../../.plan-map');
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--role') {
      const value = args[(index += 1)];
      const found = ROLES.find((candidate) => candidate === value);
      if (!found) throw new UsageError('--role 须为 editor 或 viewer / --role must be editor or viewer');
      role = found;
    } else if (arg === '--state') {
      const value = args[(index += 1)];
      if (!value) throw new UsageError('--state 需要一个目录 / --state needs a folder');
      stateDirectory = value;
    } else if (arg === '--password-stdin') {
      // The default already; accepted so scripts can say so.
    } else if (arg.startsWith('--')) throw new UsageError(`未知选项 / unknown option: ${arg.slice(0, 40)}`);
    else positional.push(arg);
  }
  const [action, username] = positional;
  if (!action) throw new UsageError(USAGE);
  return { action, username, role, stateDirectory: resolve(stateDirectory) };
}

async function readPasswordFromPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolveAnswer) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    process.stderr.write(question);
    const mutable = terminal as unknown as { _writeToOutput: (text: string) => void };
    mutable._writeToOutput = () => undefined;
    terminal.question('', (answer) => {
      terminal.close();
      process.stderr.write('\n');
      resolveAnswer(answer);
    });
  });
}

async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPasswordFromPipe();
  const first = await promptHidden('密码 Password: ');
  const second = await promptHidden('再输一次 Again: ');
  if (first !== second) throw new UsageError('两次输入的密码不一致 / the passwords differ');
  return first;
}

async function run(args: string[]): Promise<void> {
  const command = parseArguments(args);
  const file = accountsFileIn(command.stateDirectory);
  const accounts = await readAccounts(file);
  switch (command.action) {
    case 'list':
      if (accounts.length === 0) console.log(`没有账号 / no accounts (${file})`);
      for (const account of accounts) console.log(`${account.username}\t${account.role}\t${account.created}`);
      return;
    case 'add': {
      const { username } = command;
      if (!username || !isValidUsername(username))
        throw new UsageError('用户名只能含字母、数字、. _ -，最多 64 个字符 / a username uses letters, digits, . _ - (64 at most)');
      if (accounts.some((account) => account.username === username))
        throw new UsageError(`账号已存在，请先 remove / the account already exists; remove it first: ${username}`);
      const password = await readNewPassword();
      if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`密码至少 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      const account = { username, role: command.role, passwordHash: await hashPassword(password), created: new Date().toISOString() };
      await writeAccounts(file, [...accounts, account]);
      console.log(`已添加 ${command.role} 账号 ${username} / added ${command.role} account ${username} (${file})`);
      return;
    }
    case 'remove': {
      const remaining = accounts.filter((account) => account.username !== command.username);
      if (remaining.length === accounts.length) throw new UsageError('没有这个账号 / no such account');
      await writeAccounts(file, remaining);
      console.log(`已删除账号 / removed account ${command.username ?? ''}`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `错误 / error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
