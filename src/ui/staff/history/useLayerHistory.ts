import { useEffect, useState } from 'react';
import { versionHistoryEntries, type VersionHistoryEntry } from '../../../domain/versions/versionHistoryEntries';
import { auditRecordsForVersions } from '../../../data/auditRecordsForVersions';
import type { PlanMapApi } from '../../../data/planMapApi';

export type LayerHistory =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; entries: VersionHistoryEntry[] };

/** The layer's kept versions with their audit records (paged until each kept save has its record), read again whenever `shownVersion` changes (a save, a restore, a live update). */
export function useLayerHistory(api: PlanMapApi, layerId: string, shownVersion: string | undefined): LayerHistory {
  const [history, setHistory] = useState<LayerHistory>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.versions(layerId)
      .then(async (versions) => {
        if (versions === null) return { status: 'unavailable' as const };
        const records = await auditRecordsForVersions((before) => api.auditPage(layerId, before), versions);
        return { status: 'ready' as const, entries: versionHistoryEntries(versions, records) };
      })
      .catch(() => ({ status: 'unavailable' as const }))
      .then((next) => { if (live) setHistory(next); });
    return () => { live = false; };
  }, [api, layerId, shownVersion]);
  return history;
}
