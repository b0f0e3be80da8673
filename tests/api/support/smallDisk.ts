import { execFile } from 'node:child_process';
import { statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A real, small file system (tmpfs) mounted on `directory`: writes past its size fail with ENOSPC. */
export interface SmallDisk {
  directory: string;
  /** Fills the disk with a file so that only about `bytesLeft` stay free (rounded to whole blocks). */
  fillLeaving(bytesLeft: number): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * Mounts a tmpfs of `sizeKiB` on `directory`, or returns null where this process may not mount
 * (not root, or no CAP_SYS_ADMIN in a container): callers then fall back to `ulimit -f`.
 */
export async function mountSmallDisk(directory: string, sizeKiB: number): Promise<SmallDisk | null> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', directory]);
  } catch {
    return null;
  }
  return {
    directory,
    fillLeaving: async (bytesLeft) => {
      const { bavail, bsize } = await statfs(directory);
      const freeBytes = bavail * bsize;
      if (freeBytes <= bytesLeft) throw new Error(`only ${freeBytes} bytes free, wanted ${bytesLeft} left`);
      await writeFile(join(directory, 'filler.bin'), Buffer.alloc(freeBytes - bytesLeft, 1));
    },
    unmount: async () => {
      await run('umount', [directory]).catch(() => run('umount', ['-l', directory]));
    },
  };
}
