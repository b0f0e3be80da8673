import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseAuditLine, summariseLargeAuditLine } from './auditRecord';
import { linesBackward, readHead } from './linesBackward';
import { AUDIT_LINE_MAX_BYTES } from './readAuditPage';
import { syncDirectory } from './writeFileAtomically';

/** The end of the log that held no whole record, and where it went. */
export interface TornAuditTail {
  /** The side file beside the log that now holds those bytes. */
  sideFile: string;
  bytes: number;
  reason: 'no-newline' | 'unparsable';
}

const NEWLINE = 0x0a;

/** Where the log's last complete line starts and whether it is a record; null for an empty log. */
async function lastLine(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<{ start: number; end: number; isRecord: boolean } | null> {
  for await (const line of linesBackward(handle, size, AUDIT_LINE_MAX_BYTES)) {
    const text = line.text ? line.text.toString('utf8') : (await readHead(handle, line.start, 4096)).toString('utf8');
    const isRecord = line.text ? parseAuditLine(text) !== null : summariseLargeAuditLine(text, line.bytes) !== null;
    return { start: line.start, end: line.start + line.bytes + 1, isRecord };
  }
  return null;
}

/**
 * Moves a torn end of the log (the last line without its newline, or a last line that is no
 * record) to `audit-torn-<time>.jsonl` beside it and cuts the log back to its last whole
 * record, so the next append starts on a line of its own. Returns null when the end is whole.
 */
export async function setAsideTornAuditTail(file: string): Promise<TornAuditTail | null> {
  const handle = await open(file, 'r+').catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return null;
    const last = await lastLine(handle, size);
    const lastByte = (await readHead(handle, size - 1, 1))[0];
    let tornStart: number;
    let reason: TornAuditTail['reason'];
    if (lastByte !== NEWLINE) {
      tornStart = last?.end ?? 0;
      reason = 'no-newline';
    } else if (last && !last.isRecord && last.end - last.start > 1) {
      tornStart = last.start;
      reason = 'unparsable';
    } else return null;

    const sideFile = join(dirname(file), `${basename(file, '.jsonl')}-torn-${new Date().toISOString().replaceAll(':', '-')}.jsonl`);
    await pipeline(createReadStream(file, { start: tornStart, end: size - 1 }), createWriteStream(sideFile, { flags: 'wx', mode: 0o600 }));
    const side = await open(sideFile, 'r');
    await side.sync().finally(() => side.close());
    await handle.truncate(tornStart);
    await handle.sync();
    await syncDirectory(dirname(file));
    return { sideFile, bytes: size - tornStart, reason };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** True when the log is empty, missing or ends with a newline: an append then starts a line of its own. */
export async function auditEndsWhole(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return true;
  try {
    const size = (await handle.stat()).size;
    return size === 0 || (await readHead(handle, size - 1, 1))[0] === NEWLINE;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
