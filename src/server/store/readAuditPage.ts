import { open } from 'node:fs/promises';
import { parseAuditLine, summariseLargeAuditLine, type AuditEntry } from './auditRecord';
import { linesBackward, readHead } from './linesBackward';

export interface AuditPageQuery {
  /** Only this layer's records. */
  layer?: string;
  /** A cursor from an earlier page: only records before it (older). */
  before?: number;
  limit: number;
}

export interface AuditPage {
  /** Newest first. */
  records: AuditEntry[];
  /** The cursor for the next, older page; null at the start of the log. */
  next: number | null;
  /** Lines on this page that hold no record (damaged by hand, or by a server before this one). */
  unreadableLines: number;
}

/** The log exists but cannot be read: never answered as an empty history. */
export class AuditUnreadableError extends Error {}

/** New records are capped at 256 KiB; a longer line can only come from a log written before the cap. */
export const AUDIT_LINE_MAX_BYTES = 1024 * 1024;
const HEAD_BYTES = 4096;
/**
 * A page reads at most this much of the log: a layer saved rarely among busy ones gets a short
 * page and a cursor rather than a request that reads the whole log.
 */
export const AUDIT_SCAN_MAX_BYTES = 16 * 1024 * 1024;

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

/** One page of the log, read from its end in chunks: the file is never loaded whole. */
export async function readAuditPage(file: string, query: AuditPageQuery): Promise<AuditPage> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { records: [], next: null, unreadableLines: 0 };
    throw new AuditUnreadableError(error instanceof Error ? error.message : String(error));
  }
  try {
    const size = (await handle.stat()).size;
    const end = Math.min(query.before ?? size, size);
    const layerField = query.layer === undefined ? undefined : `"layer":${JSON.stringify(query.layer)}`;
    const records: AuditEntry[] = [];
    let unreadableLines = 0;
    let scannedLines = 0;
    for await (const line of linesBackward(handle, end, AUDIT_LINE_MAX_BYTES)) {
      // Every page takes at least one line, so a cursor always moves on, even past a line larger than the budget.
      const overBudget = scannedLines > 0 && end - line.start > AUDIT_SCAN_MAX_BYTES;
      if (records.length >= query.limit || overBudget) return { records, next: line.start + line.bytes + 1, unreadableLines };
      scannedLines += 1;
      if (line.bytes === 0) continue;
      // Most lines of a busy log belong to other layers: a byte search skips them without parsing.
      if (line.text && layerField && !line.text.includes(layerField)) continue;
      const entry = line.text
        ? parseAuditLine(line.text.toString('utf8'))
        : summariseLargeAuditLine((await readHead(handle, line.start, HEAD_BYTES)).toString('utf8'), line.bytes);
      if (!entry) unreadableLines += 1;
      else if (query.layer === undefined || entry.layer === query.layer) records.push(entry);
    }
    return { records, next: null, unreadableLines };
  } catch (error) {
    throw new AuditUnreadableError(error instanceof Error ? error.message : String(error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}
