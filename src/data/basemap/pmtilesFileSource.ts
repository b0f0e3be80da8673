import { open } from 'node:fs/promises';
import type { RangeResponse, Source } from 'pmtiles';

/** A PMTiles archive on disk as the `pmtiles` reader's byte source: it reads only the ranges asked for. */
export class PmtilesFileSource implements Source {
  constructor(private readonly path: string) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await open(this.path, 'r');
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return { data: buffer.buffer.slice(0, bytesRead) };
    } finally {
      await handle.close();
    }
  }
}
