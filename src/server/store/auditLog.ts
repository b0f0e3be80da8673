import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditRecord } from './auditRecord';
import { KeyedMutex } from './keyedMutex';
import { readAuditPage, type AuditPage, type AuditPageQuery } from './readAuditPage';
import { auditEndsWhole, setAsideTornAuditTail, type TornAuditTail } from './setAsideTornAuditTail';
import { syncDirectory } from './writeFileAtomically';

const SEARCH_CHUNK_BYTES = 64 * 1024;

/**
 * An append-only JSON-lines file, one record a line. A record is written whole or not at all:
 * one write of the whole line, flushed to disk; if any of it fails (a full disk writes part of
 * a line, then refuses the rest), the file is cut back to its length before the append and the
 * error is thrown. A torn end left by a crash is set aside at start (setAsideTornAuditTail).
 */
export class AuditLog {
  /** Appends, and everything that measures or cuts the file, run one at a time. */
  private readonly mutex = new KeyedMutex();

  constructor(readonly file: string) {}

  /** At start: sets a torn end aside, before anything is appended after it. */
  prepare(): Promise<TornAuditTail | null> {
    return this.mutex.run('file', () => setAsideTornAuditTail(this.file));
  }

  async append(record: AuditRecord): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    await this.mutex.run('file', async () => {
      await mkdir(dirname(this.file), { recursive: true });
      // A failed cut-back (the disk went away mid-append) leaves a torn end: never glue a record to it.
      if (!(await auditEndsWhole(this.file))) await setAsideTornAuditTail(this.file);
      const handle = await open(this.file, 'a', 0o600);
      let lengthBefore = 0;
      try {
        lengthBefore = (await handle.stat()).size;
        let written = 0;
        while (written < line.length) {
          // In append mode the kernel writes at the end whatever position is given (Linux ignores it).
          const { bytesWritten } = await handle.write(line, written, line.length - written);
          if (bytesWritten === 0) throw Object.assign(new Error('the audit log accepted no bytes'), { code: 'ENOSPC' });
          written += bytesWritten;
        }
        await handle.datasync();
      } catch (error) {
        await handle.truncate(lengthBefore).then(() => handle.datasync()).catch(() => undefined);
        throw error;
      } finally {
        await handle.close().catch(() => undefined);
      }
      if (lengthBefore === 0) await syncDirectory(dirname(this.file));
    });
  }

  /** The log's length at a record boundary: every record appended later starts at or after it. */
  length(): Promise<number> {
    return this.mutex.run('file', async () => {
      if (!(await auditEndsWhole(this.file))) await setAsideTornAuditTail(this.file);
      const handle = await open(this.file, 'r').catch(() => null);
      if (!handle) return 0;
      try {
        return (await handle.stat()).size;
      } finally {
        await handle.close().catch(() => undefined);
      }
    });
  }

  /** Whether the record with this id was appended at or after `from` (an offset from length()). */
  async contains(id: string, from: number): Promise<boolean> {
    const needle = Buffer.from(`"id":${JSON.stringify(id)}`);
    const handle = await open(this.file, 'r').catch(() => null);
    if (!handle) return false;
    try {
      const chunk = Buffer.alloc(SEARCH_CHUNK_BYTES + needle.length);
      let carried = 0;
      for (let position = from; ; ) {
        const { bytesRead } = await handle.read(chunk, carried, SEARCH_CHUNK_BYTES, position);
        if (bytesRead === 0) return false;
        const filled = carried + bytesRead;
        if (chunk.subarray(0, filled).includes(needle)) return true;
        // The last bytes go round again, so a needle across two chunks is still found.
        carried = Math.min(needle.length - 1, filled);
        chunk.copy(chunk, 0, filled - carried, filled);
        position += bytesRead;
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  page(query: AuditPageQuery): Promise<AuditPage> {
    return readAuditPage(this.file, query);
  }
}
