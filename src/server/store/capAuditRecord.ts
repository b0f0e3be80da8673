import { createHash } from 'node:crypto';
import type { AttributeChange, FeatureChange } from '../../domain/changes/layerDiff';
import type { AuditRecord } from './auditRecord';

/**
 * One attribute value larger than this, as JSON, is kept in the record as a summary: its size,
 * its SHA-256 and its first characters. The value itself stays in the kept versions the record
 * names (fromVersion for `before`, toVersion for `after`) for as long as they are kept.
 */
export const AUDIT_VALUE_MAX_BYTES = 1024;
const VALUE_START_CHARACTERS = 120;

/**
 * A whole record larger than this keeps the first entries of its lists that fit, counts the
 * rest in `omitted`, and keeps every total. One save of 50,000 changed features then costs the
 * log 256 KiB instead of tens of megabytes, and a page of the audit API stays small.
 */
export const AUDIT_RECORD_MAX_BYTES = 256 * 1024;

/** What stands for a value larger than AUDIT_VALUE_MAX_BYTES. */
export interface LargeValueSummary {
  largeValue: { bytes: number; sha256: string; start: string };
}

function capValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  if (bytes <= AUDIT_VALUE_MAX_BYTES) return value;
  const summary: LargeValueSummary = {
    largeValue: { bytes, sha256: createHash('sha256').update(json).digest('hex'), start: json.slice(0, VALUE_START_CHARACTERS) },
  };
  return summary;
}

function capAttribute(change: AttributeChange): AttributeChange {
  const capped: AttributeChange = { key: change.key };
  if ('before' in change) capped.before = capValue(change.before);
  if ('after' in change) capped.after = capValue(change.after);
  return capped;
}

function capChange(change: FeatureChange): FeatureChange {
  return { ...change, attributes: change.attributes.map(capAttribute) };
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '') + 1;
}

/** The first entries of `list` whose JSON, with what each id adds to the maps, fits in `budget`; returns what is left. */
function takeWithin<T>(list: readonly T[], budget: number, costOf: (item: T) => number): { kept: T[]; budget: number } {
  const kept: T[] = [];
  let left = budget;
  for (const item of list) {
    const cost = costOf(item);
    if (cost > left) break;
    kept.push(item);
    left -= cost;
  }
  return { kept, budget: left };
}

/** Attribute values and, for very large saves, lists cut to the caps above (ids first dropped from the end of each list). */
export function capAuditRecord(record: AuditRecord): AuditRecord {
  const withValuesCapped: AuditRecord = { ...record, changed: record.changed.map(capChange) };
  if (bytesOf(withValuesCapped) <= AUDIT_RECORD_MAX_BYTES) return withValuesCapped;

  // What an id costs beyond its list entry: its area delta and its name.
  const mapCost = (id: string) => bytesOf(id) * 2 + bytesOf(record.areaDeltaSquareMetersById[id] ?? 0) + bytesOf(record.namesById[id] ?? '');
  const fixed = bytesOf({ ...withValuesCapped, added: [], removed: [], changed: [], statusRegressions: [], areaDeltaSquareMetersById: {}, namesById: {}, omitted: { added: 0, removed: 0, changed: 0, statusRegressions: 0 } });
  const idCost = (id: string) => bytesOf(id) + mapCost(id);
  // 1 KiB to spare for the commas and braces the estimate leaves out.
  const added = takeWithin(record.added, AUDIT_RECORD_MAX_BYTES - fixed - 1024, idCost);
  const removed = takeWithin(record.removed, added.budget, idCost);
  const changed = takeWithin(withValuesCapped.changed, removed.budget, (change) => bytesOf(change) + mapCost(change.id));
  const regressions = takeWithin(record.statusRegressions, changed.budget, bytesOf);
  const keptIds = [...added.kept, ...removed.kept, ...changed.kept.map((change) => change.id)];
  const pick = (map: Record<string, number> | Record<string, string>) => Object.fromEntries(keptIds.flatMap((id) => (Object.hasOwn(map, id) ? [[id, map[id]]] : [])));
  return {
    ...withValuesCapped,
    added: added.kept,
    removed: removed.kept,
    changed: changed.kept,
    statusRegressions: regressions.kept,
    areaDeltaSquareMetersById: pick(record.areaDeltaSquareMetersById) as Record<string, number>,
    namesById: pick(record.namesById) as Record<string, string>,
    omitted: {
      added: record.added.length - added.kept.length,
      removed: record.removed.length - removed.kept.length,
      changed: record.changed.length - changed.kept.length,
      statusRegressions: record.statusRegressions.length - regressions.kept.length,
    },
  };
}
