import { useState } from 'react';
import type { LayerDefinition } from '../../../domain/plan/manifest';
import type { PlanFeatureCollection } from '../../../domain/plan/planFeature';
import type { VersionHistoryEntry } from '../../../domain/versions/versionHistoryEntries';
import type { PlanMapApi } from '../../../data/planMapApi';
import { useTranslation } from '../../LocaleContext';
import type { RestoreOutcome } from '../live/useLayerUpdates';
import { useKeptVersion } from './useKeptVersion';
import { VersionChanges } from './VersionChanges';
import { RefusedFeatureList } from '../RefusedFeatureList';

export interface VersionDetailsProps {
  api: PlanMapApi;
  definition: LayerDefinition;
  entry: VersionHistoryEntry;
  current: PlanFeatureCollection;
  /** Editors only; readers see the history without a way to change it. */
  canRestore: boolean;
  hasUnsavedEdits: boolean;
  onRestore: (version: string) => Promise<RestoreOutcome>;
}

function OutcomeNote({ outcome }: { outcome: RestoreOutcome | 'restoring' | undefined }) {
  const t = useTranslation();
  if (outcome === undefined) return null;
  if (outcome === 'restoring') return <p className="restore-outcome" role="status">{t('restoring')}</p>;
  switch (outcome.kind) {
    case 'restored': return <p className="restore-outcome save-ok" role="status">{t('restoredOk')}</p>;
    case 'stale': return <p className="restore-outcome form-error" role="alert">{t('restoreStale')}</p>;
    case 'unsaved-edits': return <p className="restore-outcome form-error" role="alert">{t('restoreNeedsSave')}</p>;
    case 'failed': return <p className="restore-outcome form-error" role="alert">{t('restoreFailed')} {t.text(outcome.message)}</p>;
    case 'forbidden':
      return (
        <div className="restore-outcome form-error" role="alert">
          {t('restoreFailed')} {t.text(outcome.message)}
          <RefusedFeatureList features={outcome.features} />
        </div>
      );
    case 'invalid':
      return (
        <div className="restore-outcome form-error" role="alert">
          {t('restoreFailed')}
          <ul>{outcome.problems.map((problem, index) => <li key={`${problem.path}-${index}`}>{problem.featureId ? <code>{problem.featureId}</code> : null} {t.text(problem.message)}</li>)}</ul>
        </div>
      );
  }
}

/**
 * What the chosen version changed (against the version it replaced) and, apart from it, what
 * restoring it would change (against the layer as shown), each labelled; for editors, the way back.
 */
export function VersionDetails({ api, definition, entry, current, canRestore, hasUnsavedEdits, onRestore }: VersionDetailsProps) {
  const t = useTranslation();
  const kept = useKeptVersion(api, definition.id, entry.version);
  const previous = useKeptVersion(api, definition.id, entry.previousVersion);
  const [outcome, setOutcome] = useState<RestoreOutcome | 'restoring' | undefined>();
  const restore = () => {
    setOutcome('restoring');
    void onRestore(entry.version).then(setOutcome);
  };
  return (
    <section className="version-details" aria-live="polite">
      {kept.status === 'loading' && <p className="muted">{t('versionLoading')}</p>}
      {kept.status === 'missing' && <p className="form-error">{t('versionNotKept')}</p>}
      {kept.status === 'ready' && (
        <>
          {previous.status === 'ready' ? (
            <VersionChanges
              className="version-save-changes"
              definition={definition}
              before={previous.collection}
              after={kept.collection}
              title={t('versionChangedWhat')}
              sameText={t('versionSameAsPrevious')}
            />
          ) : (
            <div className="version-save-changes">
              <h4>{t('versionChangedWhat')}</h4>
              <p className="muted">{t(previous.status === 'loading' ? 'versionLoading' : previous.status === 'none' ? 'versionOldestKept' : 'versionPreviousNotKept')}</p>
            </div>
          )}
          <VersionChanges
            className="version-restore-changes"
            definition={definition}
            before={current}
            after={kept.collection}
            title={t('restoreWouldChange')}
            sameText={t(entry.current ? 'versionIsCurrent' : 'versionSameAsCurrent')}
          />
        </>
      )}
      {canRestore && !entry.current && kept.status === 'ready' && (
        <div className="dialog-actions">
          {hasUnsavedEdits && <p className="form-error">{t('restoreNeedsSave')}</p>}
          <button type="button" className="restore-version" disabled={hasUnsavedEdits || outcome === 'restoring'} onClick={restore}>{t('restoreVersion')}</button>
        </div>
      )}
      <OutcomeNote outcome={outcome} />
    </section>
  );
}
