import type { FileHandle } from 'node:fs/promises';

/** A complete line (its newline seen), read from the end of a file towards its start. */
export interface BackwardLine {
  /** Byte offset of the line's first byte. */
  start: number;
  /** The line's length without its newline. */
  bytes: number;
  /** The line's bytes, or null when it is longer than the reader's `maxLineBytes`. */
  text: Buffer | null;
}

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

async function readAt(handle: FileHandle, position: number, length: number, into = Buffer.alloc(length)): Promise<Buffer> {
  const buffer = into.subarray(0, length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    // The file shrank under us (a failed append taken back): what is gone is not there to read.
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * The complete lines that end before `end`, newest first, read in 64 KiB chunks so memory stays
 * bounded by `maxLineBytes` whatever the file's size. Bytes after the last newline before `end`
 * are not a complete line (an append in progress, or a torn tail) and are skipped.
 */
export async function* linesBackward(handle: FileHandle, end: number, maxLineBytes: number): AsyncGenerator<BackwardLine> {
  let position = end;
  /** The offset of the newline ending the line being read; null until the first newline is seen. */
  let lineEnd: number | null = null;
  /** The line's bytes read so far, in file order: they are the part after the current chunk. */
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  // One buffer for every chunk: what outlives a chunk (a line's parts, a finished line) is copied out of it.
  const chunkBuffer = Buffer.allocUnsafe(CHUNK_BYTES);

  const finishLine = (start: number, first: Buffer): BackwardLine => {
    const bytes = (lineEnd ?? start) - start;
    const text = tooLong || bytes > maxLineBytes ? null : Buffer.concat([first, ...parts]);
    return { start, bytes, text };
  };

  while (position > 0) {
    const length = Math.min(CHUNK_BYTES, position);
    position -= length;
    const chunk = await readAt(handle, position, length, chunkBuffer);
    let cursor = chunk.length;
    while (cursor > 0) {
      const newline = chunk.lastIndexOf(NEWLINE, cursor - 1);
      if (newline < 0) break;
      if (lineEnd !== null) yield finishLine(position + newline + 1, chunk.subarray(newline + 1, cursor));
      lineEnd = position + newline;
      parts = [];
      partBytes = 0;
      tooLong = false;
      cursor = newline;
    }
    if (lineEnd === null || cursor === 0) continue;
    // The rest of the chunk continues a line that starts in an earlier chunk.
    if (!tooLong) {
      parts.unshift(Buffer.from(chunk.subarray(0, cursor)));
      partBytes += cursor;
      if (partBytes > maxLineBytes) {
        tooLong = true;
        parts = [];
      }
    }
  }
  if (lineEnd !== null) yield finishLine(0, Buffer.alloc(0));
}

/** The first `length` bytes at `start`, for a line too long to read whole. */
export function readHead(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  return readAt(handle, start, length);
}
