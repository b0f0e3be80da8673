import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomically } from '../../src/server/store/writeFileAtomically';

/* The file-level pieces under the API's saves, on a real file system. */

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plan-map-atomic-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the content and keeps the permissions staff gave the file', async () => {
    const target = join(directory, 'roads.geojson');
    await writeFile(target, 'old');
    await chmod(target, 0o640);
    await writeFileAtomically(target, Buffer.from('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(directory)).toEqual(['roads.geojson']);
  });

  it('removes its temporary file and throws when the rename fails, leaving the target as it was', async () => {
    // A non-empty folder at the target's path cannot be renamed over.
    const target = join(directory, 'roads.geojson');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    await expect(writeFileAtomically(target, Buffer.from('new'))).rejects.toThrow();
    expect(await readdir(directory)).toEqual(['roads.geojson']);
    expect(await readdir(target)).toEqual(['keep']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temporary files of writers that are gone, and nothing else', async () => {
    const deadPid = 2 ** 22 + 12345;
    const stale = `.roads.geojson.${deadPid}.0123456789ab.plan-map-tmp`;
    const live = `.roads.geojson.${process.pid}.0123456789ab.plan-map-tmp`;
    for (const name of [stale, live, 'roads.geojson', 'notes.plan-map-tmp.txt']) await writeFile(join(directory, name), '');
    expect(await removeStaleTempFiles(directory)).toEqual([stale]);
    expect((await readdir(directory)).sort()).toEqual([live, 'notes.plan-map-tmp.txt', 'roads.geojson'].sort());
  });
});
