import { useEffect, useState } from 'react';
import { formatLocalDateTime } from '../../../domain/format/formatLocalDateTime';
import type { LayerVersion, VersionAuditRecord } from '../../../domain/versions/layerVersion';
import type { LocalizedText } from '../../../domain/plan/manifest';
import { fillMessage } from '../../fillMessage';
import { useTranslation } from '../../LocaleContext';
import { messages, type MessageKey } from '../../messages';
import { shortVersion } from '../history/VersionRow';
import type { StaffSession } from '../useStaffSession';
import type { SavedDocument } from './useSavedDocument';

interface PlanHistoryProps {
  staff: StaffSession;
  plan: Pick<SavedDocument<unknown>, 'etag' | 'reload'>;
  /** The document (layers.json unless told), and the heading of its history. */
  file?: string;
  title?: MessageKey;
}

/** The kept versions of a document, newest first, each with what its save changed in words; any but the current one can be restored. */
export function PlanHistory({ staff, plan, file = 'layers.json', title = 'adminHistory' }: PlanHistoryProps) {
  const t = useTranslation();
  const { api, session } = staff;
  const [versions, setVersions] = useState<LayerVersion[] | null>(null);
  const [records, setRecords] = useState<VersionAuditRecord[]>([]);
  const [message, setMessage] = useState<LocalizedText | null>(null);
  const { etag, reload } = plan;

  useEffect(() => {
    let live = true;
    void Promise.all([api.documentVersions(file), api.auditPage(file)]).then(([list, page]) => {
      if (!live) return;
      setVersions(list ?? []);
      setRecords(page?.records ?? []);
    }).catch(() => { if (live) setVersions([]); });
    return () => { live = false; };
  }, [api, etag, file]);

  const restore = async (version: string) => {
    if (!session.csrfToken) return;
    const result = await api.restoreDocumentVersion(file, version, etag, session.csrfToken);
    if (result.kind === 'saved') {
      setMessage(null);
      reload();
    } else if (result.kind === 'stale') setMessage(messages.adminStale);
    else if (result.kind === 'failed' || result.kind === 'forbidden') setMessage(result.message);
    else setMessage(result.problems[0]?.message ?? null);
  };

  if (!versions || versions.length === 0) return null;
  return (
    <div className="admin-history">
      <h4>{t(title)}</h4>
      {message && <p className="form-error" role="alert">{t.text(message)}</p>}
      <ol className="version-list">
        {versions.map((entry) => {
          const record = records.find((candidate) => candidate.toVersion === entry.version && Date.parse(candidate.time) === Date.parse(entry.time));
          const origin = entry.summary.origin === 'disk'
            ? t('adminFromDisk')
            : entry.summary.origin === 'restore' ? fillMessage(t('versionRestored'), { version: shortVersion(entry.summary.restoredFrom ?? '') }) : t('versionSaved');
          return (
            <li key={`${entry.version}@${entry.time}`} className="version-row admin-version" data-version={entry.version}>
              <div className="version-head">
                <span>{formatLocalDateTime(entry.time)}</span>
                {entry.user && <span className="version-user">{entry.user}</span>}
                {entry.current && <span className="version-current">{t('adminCurrent')}</span>}
              </div>
              <span className="version-origin">{origin}</span>
              {record?.changes && record.changes.length > 0 && (
                <ul className="admin-list">{record.changes.map((change) => <li key={`${change.path} ${change.text.en}`}>{t.text(change.text)}</li>)}</ul>
              )}
              {!entry.current && <button type="button" className="button-quiet" onClick={() => void restore(entry.version)}>{t('adminRestore')}</button>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
