import { spawn, type ChildProcess } from 'node:child_process';
import type { ApiClient } from './apiClient';
import { EDITOR, projectDirectory, signedInClient } from './apiTestServer';

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves when the process has ended, with its signal (e.g. "SIGKILL") or exit code. */
  exited: Promise<NodeJS.Signals | number | null>;
  output: () => string;
}

/**
 * The real server, main.ts as `npm start` runs it, on a free port (PORT=0), over the given
 * folders. Resolves once it prints its address. It runs as `node --import tsx`, one process:
 * the tsx command line would start the server as a second process, and a SIGKILL sent to the
 * first would leave the server itself running.
 */
export function spawnServer(
  env: {
    geodataDirectory: string;
    stateDirectory: string;
    shellPrefix?: string;
    /** More environment variables, e.g. PLAN_MAP_TRUSTED_PROXIES. */
    variables?: Record<string, string>;
    /** Modules the server process loads before main.ts (`node --import`), e.g. a probe that reports on it. */
    imports?: string[];
  },
  timeoutMs = 20_000,
): Promise<ServerProcess> {
  const childEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', PLAN_MAP_GEODATA: env.geodataDirectory, PLAN_MAP_STATE: env.stateDirectory, ...env.variables };
  const args = ['--import', 'tsx', ...(env.imports ?? []).flatMap((module) => ['--import', module]), 'src/server/main.ts'];
  // A shell prefix (e.g. `ulimit -f 100;`) sets limits on the server alone; exec keeps the pid the server's.
  const child = env.shellPrefix
    ? spawn('bash', ['-c', `${env.shellPrefix} exec "$0" "$@"`, process.execPath, ...args], { cwd: projectDirectory, env: childEnv })
    : spawn(process.execPath, args, { cwd: projectDirectory, env: childEnv });
  let output = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolveExit) => child.on('exit', (code, signal) => resolveExit(signal ?? code)));
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onOutput);
        child.stdout?.resume();
        resolveStart({ baseUrl: `http://127.0.0.1:${match[1]}`, child, exited, output: () => output });
      }
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    void exited.then((result) => {
      clearTimeout(timer);
      rejectStart(new Error(`server exited (${String(result)}) before starting:\n${output}`));
    });
  });
}

/** A client of a spawned server, signed in as `account` (EDITOR by default), waiting as Retry-After says when told to. */
export function signInTo(server: ServerProcess, account = EDITOR): Promise<ApiClient> {
  return signedInClient(server.baseUrl, account);
}
