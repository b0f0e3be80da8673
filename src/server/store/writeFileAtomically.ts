import { TEMP_SUFFIX } from '../../data/tempFileName';
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * The write-file-atomic pattern: a temporary file in the target's own folder (so rename stays
 * on one file system and is atomic), written and fsynced, renamed over the target, then the
 * folder fsynced so the rename itself survives a power cut. A reader, or a server killed at
 * any moment, sees the old file or the new one, never a truncated mix: plain fs.writeFile
 * truncates the target first.
 */

/** `.<target name>.<pid>.<random>.plan-map-tmp`: the pid tells a crashed writer's leftovers from a live one's. */
const TEMP_PATTERN = /^\..+\.(\d+)\.[0-9a-f]{12}\.plan-map-tmp$/;

function tempPathFor(targetPath: string): string {
  return join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * `newFileMode` applies when the target does not exist yet; an existing file keeps the permissions
 * staff gave it. `beforeRename` runs once the new content is flushed, just before it replaces the
 * target (the save sequence names that step for crash tests).
 */
export async function writeFileAtomically(targetPath: string, data: Uint8Array, newFileMode = 0o644, beforeRename?: () => void): Promise<void> {
  const tempPath = tempPathFor(targetPath);
  const mode = (await stat(targetPath).catch(() => null))?.mode ?? newFileMode;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tempPath, 'wx', mode & 0o777);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    beforeRename?.();
    await rename(tempPath, targetPath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(targetPath));
}

/**
 * After the rename the new content is what every reader sees; a failed directory fsync (some
 * file systems refuse it) must not turn that into a reported failure the client would retry.
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Deletes temporary files that writers which are no longer running left in a folder; returns their names. */
export async function removeStaleTempFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await rm(join(directory, name), { force: true });
    removed.push(name);
  }
  return removed;
}

