import type { DocumentChange } from '../../domain/changes/documentChange';
import type { LayerDiff } from '../../domain/changes/layerDiff';

/** How many entries of each list a record too large to keep whole left out (see capAuditRecord). */
export interface OmittedEntries {
  added: number;
  removed: number;
  changed: number;
  statusRegressions: number;
}

/**
 * One save, as appended to audit.jsonl: one line of JSON, its fields in this order. A save of a
 * document (layers.json) has the same fields, its feature lists empty, and its `changes`.
 */
export interface AuditRecord extends LayerDiff {
  /** ISO 8601, UTC; the same instant as the version entry the save keeps. */
  time: string;
  user: string;
  /** The layer id, or the document's file name (layers.json): `?layer=` of the audit API takes either. */
  layer: string;
  action: 'save' | 'restore';
  fromVersion: string;
  toVersion: string;
  /** Unique per save, so a restart can tell whether an interrupted save's record is already in the log. */
  id: string;
  restoredFrom?: string;
  /**
   * The version the editor had edited, when the layer had changed since and their changes were
   * merged by project onto `fromVersion` (mergeProjectEdits).
   */
  basedOn?: string;
  /** True when the file on disk before the save could not be parsed: every new feature then counts as added. */
  previousUnreadable?: boolean;
  /** Present when lists were cut to keep the record within its cap; the totals are always whole. */
  omitted?: OmittedEntries;
  /** A document's save: what changed, in words. */
  changes?: DocumentChange[];
}

/**
 * A line too large to serve (only logs written before records were capped hold them): what its
 * first bytes say, and its size. The diff itself is not read.
 */
export interface AuditRecordTooLarge {
  time: string;
  user?: string;
  layer: string;
  action?: string;
  fromVersion?: string;
  toVersion?: string;
  id?: string;
  tooLarge: { bytes: number };
}

export type AuditEntry = AuditRecord | AuditRecordTooLarge;

const RECORD_START = '{"time":"';
/** A line glued from a torn record and the next one is tried from at most this many record starts. */
const SALVAGE_ATTEMPTS = 16;

function asRecord(value: unknown): AuditRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<AuditRecord>;
  return typeof candidate.layer === 'string' && typeof candidate.time === 'string' ? (candidate as AuditRecord) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One line of the log as a record, or null. Servers before this one appended the next record
 * right after a torn one, on the same line: such a line is read from the first record start
 * at which the rest parses, so that next record is not lost.
 */
export function parseAuditLine(line: string): AuditRecord | null {
  const whole = asRecord(parseJson(line));
  if (whole) return whole;
  let from = line.indexOf(RECORD_START, 1);
  for (let attempt = 0; from > 0 && attempt < SALVAGE_ATTEMPTS; attempt += 1) {
    const salvaged = asRecord(parseJson(line.slice(from)));
    if (salvaged) return salvaged;
    from = line.indexOf(RECORD_START, from + 1);
  }
  return null;
}

/** A string field as JSON.stringify wrote it near the start of a line, without parsing the rest. */
function leadingField(head: string, key: string): string | undefined {
  const match = new RegExp(`"${key}":"((?:[^"\\\\]|\\\\.)*)"`).exec(head);
  if (!match?.[1]) return undefined;
  const value = parseJson(`"${match[1]}"`);
  return typeof value === 'string' ? value : undefined;
}

/** What the first bytes of an oversized line say; null when they do not start a record. */
export function summariseLargeAuditLine(head: string, bytes: number): AuditRecordTooLarge | null {
  if (!head.startsWith(RECORD_START)) return null;
  const time = leadingField(head, 'time');
  const layer = leadingField(head, 'layer');
  if (!time || !layer) return null;
  const summary: AuditRecordTooLarge = { time, layer, tooLarge: { bytes } };
  for (const key of ['user', 'action', 'fromVersion', 'toVersion', 'id'] as const) {
    const value = leadingField(head, key);
    if (value !== undefined) summary[key] = value;
  }
  return summary;
}
