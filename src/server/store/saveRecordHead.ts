import { randomBytes } from 'node:crypto';
import type { VersionSummary } from './versionHistory';

/** The head every save's audit record starts with, in the record's field order. */
export function saveRecordHead(key: string, user: string, fromVersion: string, toVersion: string, restoredFrom: string | undefined) {
  return {
    time: new Date().toISOString(),
    user,
    layer: key,
    action: restoredFrom ? ('restore' as const) : ('save' as const),
    fromVersion,
    toVersion,
    id: randomBytes(12).toString('hex'),
    ...(restoredFrom ? { restoredFrom } : {}),
  };
}

/** Where a version came from, as its summary says it. */
export function saveOrigin(restoredFrom: string | undefined): Pick<VersionSummary, 'origin' | 'restoredFrom'> {
  return restoredFrom ? { origin: 'restore', restoredFrom } : { origin: 'save' };
}
