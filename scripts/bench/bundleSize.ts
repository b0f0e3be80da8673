import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectDirectory } from './paths';

export interface BundleSize {
  files: number;
  rawBytes: number;
  /** Sum of each dist/assets/*.js and *.css gzipped on its own (level 9), as a server would send it. */
  gzipBytes: number;
}

export function builtBundleSize(): BundleSize {
  const assets = resolve(projectDirectory, 'dist', 'assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const name of files) {
    const body = readFileSync(join(assets, name));
    rawBytes += body.byteLength;
    gzipBytes += gzipSync(body, { level: 9 }).byteLength;
  }
  return { files: files.length, rawBytes, gzipBytes };
}
