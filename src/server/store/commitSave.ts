import { stat } from 'node:fs/promises';
import type { AuditLog } from './auditLog';
import type { AuditRecord } from './auditRecord';
import { SaveNotUndoneError, type LayerSnapshot } from './planStore';
import { FOUND_VERSION_SUMMARY } from './saveDecision';
import { removeSaveIntent, writeSaveIntent, type SaveIntent } from './saveIntent';
import type { SaveStepHook } from './saveSteps';
import type { StoredFile } from './storedFile';
import type { VersionSummary } from './versionHistory';
import { writeFileAtomically } from './writeFileAtomically';

export interface CommitParts {
  file: StoredFile;
  /** The live file this save replaces. */
  current: LayerSnapshot;
  bytes: Buffer;
  record: AuditRecord;
  summary: VersionSummary;
  audit: AuditLog;
  step: SaveStepHook;
}

/**
 * The writes of a save that passed every check, in the order docs/save-sequence.md explains: one
 * sequence for layers and documents alike. Runs under the file's lock, after recovery.
 */
export async function commitSave({ file, current, bytes, record, summary, audit, step }: CommitParts): Promise<void> {
  const { history } = file;
  await history.prepare();
  // The live file is kept first when it is not (the first save, or the file was edited on disk): it was live, so it is true history.
  if (!(await history.has(current.version))) {
    const modified = await stat(file.path).catch(() => null);
    await history.add(current.bytes, {
      time: (modified?.mtime ?? new Date()).toISOString(),
      user: null,
      summary: FOUND_VERSION_SUMMARY,
    });
    step('disk-version-kept');
  }

  const intent: SaveIntent = {
    record,
    version: {
      sequence: await history.nextSequence(),
      version: record.toVersion,
      time: record.time,
      user: record.user,
      sizeBytes: bytes.byteLength,
      summary,
    },
    auditOffset: await audit.length(),
  };
  const drop = async () => {
    await history.remove(intent.version.sequence).catch(() => undefined);
    await removeSaveIntent(history.directory).catch(() => undefined);
  };
  try {
    await history.writeContent(intent.version.sequence, bytes);
    step('new-content-written');
    await writeSaveIntent(history.directory, intent);
    step('intent-written');
    await writeFileAtomically(file.path, bytes, undefined, () => step('layer-temp-written'));
  } catch (error) {
    await drop();
    throw error;
  }
  step('layer-renamed');

  try {
    await audit.append(record);
  } catch (error) {
    // Not audited, so not saved: the old file goes back, and the answer is the write's error.
    console.error(`审计记录写入失败，撤回保存 / could not append the audit record, undoing the save of ${file.key}: ${error instanceof Error ? error.message : String(error)}`);
    try {
      await writeFileAtomically(file.path, current.bytes);
    } catch (undoError) {
      // The intent stays: the file is the new one, so the next save or start records it.
      throw new SaveNotUndoneError(error, undoError);
    }
    await drop();
    throw error;
  }
  step('audit-appended');

  try {
    await history.publish(intent.version);
    step('version-listed');
    await removeSaveIntent(history.directory);
    step('intent-removed');
  } catch (error) {
    // The save is live and audited: the intent stays, and the next save or start lists the version.
    console.error(`版本条目写入失败，稍后补记 / could not list the new version yet: ${error instanceof Error ? error.message : String(error)}`);
  }
}
