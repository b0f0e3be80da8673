import type { LayerVersion, VersionAuditRecord } from '../domain/versions/layerVersion';
import { versionKey } from '../domain/versions/versionHistoryEntries';
import type { AuditRecordPage } from './layerVersionsJson';

/**
 * A long log is read a page at a time, newest first; the records of the kept versions are among
 * the newest of their layer, so a few pages find them. This many pages at most, so a history
 * with a record missing (a log set aside by hand) still opens.
 */
const MAX_PAGES = 20;

/**
 * The audit records of the saves that made `versions`, read page by page from the newest until
 * every kept save and restore has its record or the log ends. Empty when the log cannot be
 * read: the history then shows the versions without what their records add.
 */
export async function auditRecordsForVersions(readPage: (before?: string) => Promise<AuditRecordPage | null>, versions: readonly LayerVersion[]): Promise<VersionAuditRecord[]> {
  const missing = new Set(versions.filter((version) => version.summary.origin !== 'disk').map((version) => versionKey(version.version, version.time)));
  const records: VersionAuditRecord[] = [];
  let before: string | undefined;
  for (let page = 0; page < MAX_PAGES && missing.size > 0; page += 1) {
    const result = await readPage(before);
    if (!result) break;
    records.push(...result.records);
    for (const record of result.records) missing.delete(versionKey(record.toVersion, record.time));
    if (result.next === null) break;
    before = result.next;
  }
  return records;
}
