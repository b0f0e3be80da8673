import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const projectRoot = join(import.meta.dirname, '..', '..');
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a real command of src/cli as `npm run` would (through tsx), capturing its exit code and
 * output. `input` is piped to its stdin (then closed), as a script would pipe a password.
 */
export async function runCli(scriptName: string, args: string[], cwd = projectRoot, input = ''): Promise<CliRun> {
  try {
    const running = promisify(execFile)(tsx, [join(projectRoot, 'src', 'cli', scriptName), ...args], { cwd, encoding: 'utf8' });
    running.child.stdin?.end(input);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
