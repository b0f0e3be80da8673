import type { ChangedProject, LayerVersion, VersionAuditRecord } from './layerVersion';

/** A kept version with what its audit record adds: the projects, the length change (roads) and statuses that went back. */
export interface VersionHistoryEntry extends LayerVersion {
  /** Null when no audit record matches (a version found on disk, or a record beyond the audit read). */
  totalLengthDeltaMeters: number | null;
  statusRegressionCount: number | null;
  projects: ChangedProject[] | null;
  /**
   * The version this one replaced, to show what it changed: the save's own record says which;
   * without one (a file found on disk), the next older kept version. Null for the oldest kept.
   */
  previousVersion: string | null;
}

/** What ties a kept version to the audit record of the save that made it: the version and the instant. */
export function versionKey(version: string, time: string): string {
  return `${version}@${Date.parse(time)}`;
}

/**
 * Joins the version list with the audit log. A save writes both with the same instant, and
 * restoring makes an old version current again, so a version is matched by version and time
 * together, never by version alone.
 */
export function versionHistoryEntries(versions: readonly LayerVersion[], records: readonly VersionAuditRecord[]): VersionHistoryEntry[] {
  const byKey = new Map<string, VersionAuditRecord>();
  for (const record of records) {
    const key = versionKey(record.toVersion, record.time);
    if (!byKey.has(key)) byKey.set(key, record);
  }
  return versions.map((version, index) => {
    const record = version.summary.origin === 'disk' ? undefined : byKey.get(versionKey(version.version, version.time));
    return {
      ...version,
      totalLengthDeltaMeters: record?.totalLengthDeltaMeters ?? null,
      statusRegressionCount: record?.statusRegressionCount ?? null,
      projects: record?.projects ?? null,
      previousVersion: record?.fromVersion ?? versions[index + 1]?.version ?? null,
    };
  });
}
