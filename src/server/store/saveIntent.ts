import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRecord } from './auditRecord';
import type { StoredVersion } from './versionHistory';
import { writeFileAtomically } from './writeFileAtomically';

/**
 * What a save in progress will record, written before the layer file is replaced, so that a
 * restart after a crash can finish the save's history (the layer is new) or drop it (the layer
 * is old) without guessing. One per layer at most: saves to a layer run one at a time.
 */
export interface SaveIntent {
  /** The audit record to append once the layer is live. */
  record: AuditRecord;
  /** The version entry to list once the record is appended; its content waits at `<sequence>.geojson`. */
  version: StoredVersion;
  /** The audit log's length before the save: its record, if appended, lies after this offset. */
  auditOffset: number;
}

const INTENT_FILE = 'save-intent.json';

function intentPath(versionsDirectory: string): string {
  return join(versionsDirectory, INTENT_FILE);
}

export async function writeSaveIntent(versionsDirectory: string, intent: SaveIntent): Promise<void> {
  await writeFileAtomically(intentPath(versionsDirectory), Buffer.from(`${JSON.stringify(intent)}\n`), 0o600);
}

function isIntent(value: unknown): value is SaveIntent {
  if (typeof value !== 'object' || value === null) return false;
  const { record, version, auditOffset } = value as Partial<SaveIntent>;
  return typeof auditOffset === 'number'
    && typeof record?.id === 'string' && typeof record.toVersion === 'string'
    && typeof version?.sequence === 'number' && version.version === record.toVersion;
}

/**
 * The layer's pending save, or null. The file is written whole (temporary file and rename), so a
 * file that does not parse was damaged by hand; it is reported as such rather than acted on.
 */
export async function readSaveIntent(versionsDirectory: string): Promise<SaveIntent | 'damaged' | null> {
  const text = await readFile(intentPath(versionsDirectory), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isIntent(value) ? value : 'damaged';
  } catch {
    return 'damaged';
  }
}

export async function removeSaveIntent(versionsDirectory: string): Promise<void> {
  await rm(intentPath(versionsDirectory), { force: true });
}

/** Moves a damaged intent out of the way (kept for a person to read) so saves can go on. */
export async function setAsideDamagedIntent(versionsDirectory: string): Promise<string> {
  const aside = join(versionsDirectory, `save-intent-damaged-${Date.now()}.json`);
  const bytes = await readFile(intentPath(versionsDirectory));
  await writeFileAtomically(aside, bytes, 0o600);
  await removeSaveIntent(versionsDirectory);
  return aside;
}
