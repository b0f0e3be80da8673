import { readFile, rm } from 'node:fs/promises';
import type { AuditLog } from './auditLog';
import { contentVersionOf } from '../../data/contentVersion';
import { readSaveIntent, removeSaveIntent, setAsideDamagedIntent } from './saveIntent';
import type { VersionHistory } from './versionHistory';

/** What became of a save that a crash (or a failed step) left unfinished. */
export type RecoveredSave =
  /** The layer file is the save's: its audit record (if missing) and its version entry were written. */
  | { layer: string; outcome: 'completed'; toVersion: string; auditAppended: boolean }
  /** The layer file never became the save's: its waiting content was removed, nothing was recorded. */
  | { layer: string; outcome: 'discarded'; toVersion: string }
  | { layer: string; outcome: 'damaged-intent'; setAside: string };

export interface RecoveryParts {
  layer: string;
  history: VersionHistory;
  audit: AuditLog;
  /** The layer file as it is on disk now. */
  readLive: () => Promise<{ bytes: Buffer; version: string } | null>;
}

/**
 * Finishes or drops the layer's interrupted save, then removes version files no entry lists.
 * The save became live if the layer file is its new content, or if its audit record was
 * appended (which happens only after the layer file was replaced, so an edit on disk since
 * then does not undo that the save happened). Running it twice changes nothing.
 */
export async function recoverInterruptedSave({ layer, history, audit, readLive }: RecoveryParts): Promise<{ recovered: RecoveredSave | null; removedFiles: string[] }> {
  const intent = await readSaveIntent(history.directory);
  let recovered: RecoveredSave | null = null;
  if (intent === 'damaged') {
    recovered = { layer, outcome: 'damaged-intent', setAside: await setAsideDamagedIntent(history.directory) };
  } else if (intent) {
    const { record, version } = intent;
    const live = await readLive();
    const audited = await audit.contains(record.id, intent.auditOffset);
    if (live?.version === record.toVersion || audited) {
      if (!audited) await audit.append(record);
      const content = await readFile(history.contentPath(version.sequence)).catch(() => null);
      const contentKept = content !== null && contentVersionOf(content) === version.version;
      if (!contentKept && live?.version === version.version) await history.writeContent(version.sequence, live.bytes);
      if (contentKept || live?.version === version.version) await history.publish(version);
      recovered = { layer, outcome: 'completed', toVersion: record.toVersion, auditAppended: !audited };
    } else {
      await rm(history.contentPath(version.sequence), { force: true });
      recovered = { layer, outcome: 'discarded', toVersion: record.toVersion };
    }
    await removeSaveIntent(history.directory);
  }
  return { recovered, removedFiles: await history.removeOrphans(null) };
}
