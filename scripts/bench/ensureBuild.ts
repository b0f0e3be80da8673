import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectDirectory } from './paths';
import { log } from './log';

/** Newest modification time of any file under `path` (a file or a folder). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the app with `npx vite build` when dist/ is missing or older than its sources. */
export function ensureAppBuilt(): void {
  const builtAt = newestMtime(resolve(projectDirectory, 'dist', 'index.html'));
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((name) => resolve(projectDirectory, name));
  const sourcesAt = Math.max(...sources.map(newestMtime));
  if (builtAt > 0 && builtAt >= sourcesAt) return;
  log(builtAt === 0 ? 'dist/ is missing: building the app (npx vite build)' : 'dist/ is older than src/: rebuilding the app (npx vite build)');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: projectDirectory, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status ?? 'null'}`);
}
