import type { Queryable } from './keptLayerBytes';

/** A version entry as plan_version holds it (the summary as the version list shows it). */
export interface VersionEntry {
  version: string;
  time: string;
  user: string | null;
  sizeBytes: number;
  summary: unknown;
}

/**
 * Keeps a version after the key's newest: with its bytes, or, for a one-row save, with the one
 * project it put in (`text` null: removed) and no bytes (keptLayerBytes rebuilds them).
 */
export async function insertVersion(database: Queryable, key: string, entry: VersionEntry, content: { bytes: Buffer } | { projectId: string; text: string | null }): Promise<void> {
  const bytes = 'bytes' in content ? content.bytes : null;
  const project = 'bytes' in content ? { projectId: null, text: null } : content;
  await database.query(
    `INSERT INTO plan_version (key, sequence, version, time, user_name, size_bytes, summary, bytes, project_id, project_text)
     SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM plan_version WHERE key = $1`,
    [key, entry.version, entry.time, entry.user, entry.sizeBytes, JSON.stringify(entry.summary), bytes, project.projectId, project.text],
  );
}
