import { open, type FileHandle } from 'node:fs/promises';
import type { RangeResponse, Source } from 'pmtiles';

/**
 * A PMTiles archive on the server's disk, read piece by piece (the `pmtiles` package's FileSource
 * is the browser's File). `key` names the archive's version, so a reader's cache of its header and
 * directories is dropped when the file is replaced.
 */
export class FileRangeSource implements Source {
  private handle: Promise<FileHandle> | null = null;

  constructor(
    private readonly path: string,
    private readonly key: string,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.handle ??= open(this.path, 'r');
    const handle = await this.handle;
    const data = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(data, filled, length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { data: data.buffer.slice(0, filled) };
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await (await handle)?.close();
  }
}
