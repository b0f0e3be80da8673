import { useCallback, useMemo, useState } from 'react';
import type { MeasuredLayer } from '../../../domain/measure/measuredLayer';
import type { PlanFeatureCollection } from '../../../domain/plan/planFeature';
import type { PlanMapApi } from '../../../data/planMapApi';
import { useTranslation } from '../../LocaleContext';
import type { RestoreOutcome } from '../live/useLayerUpdates';
import { useLayerHistory } from './useLayerHistory';
import { VersionDetails } from './VersionDetails';
import { VersionRow } from './VersionRow';

export interface HistoryPanelProps {
  api: PlanMapApi;
  /** The layer as the map shows it: the version to compare with. */
  layer: MeasuredLayer;
  /** Changes with every new version of the layer, so the list follows saves, restores and live updates. */
  shownVersion: string | undefined;
  canRestore: boolean;
  hasUnsavedEdits: boolean;
  onRestore: (version: string) => Promise<RestoreOutcome>;
  onClose: () => void;
}

/** A layer's kept versions, newest first, each naming its projects; choosing one shows what it changed and what restoring it would change. */
export function HistoryPanel({ api, layer, shownVersion, canRestore, hasUnsavedEdits, onRestore, onClose }: HistoryPanelProps) {
  const t = useTranslation();
  const { definition } = layer;
  const history = useLayerHistory(api, definition.id, shownVersion);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = useMemo((): PlanFeatureCollection | null => (layer.featuresLoaded ? { type: 'FeatureCollection', features: layer.features } : null), [layer]);
  const nameOf = useCallback((id: string) => {
    const index = layer.indexOfId(id);
    return index >= 0 ? layer.nameAt(index) : null;
  }, [layer]);
  const entries = history.status === 'ready' ? history.entries : [];
  return (
    <section className="history-panel" aria-label={t('versionHistory')} data-layer-id={definition.id}>
      <header>
        <h3><span className="edit-layer-name" style={{ borderColor: definition.color }}>{t.text(definition.name)}</span> · {t('versionHistory')}</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      {history.status === 'loading' && <p className="muted">{t('versionsLoading')}</p>}
      {history.status === 'unavailable' && <p className="form-error">{t('versionsUnavailable')}</p>}
      {history.status === 'ready' && entries.length === 0 && <p className="muted">{t('versionsNone')}</p>}
      {entries.length > 0 && (
        <ol className="version-list">
          {entries.map((entry) => {
            // A restored version is listed twice (kept, and current again): version and time tell the rows apart.
            const key = `${entry.version}@${entry.time}`;
            return (
              <VersionRow key={key} definition={definition} entry={entry} nameOf={nameOf} chosen={key === chosen} onChoose={() => setChosen(key === chosen ? null : key)}>
                {key === chosen && !current && <p className="muted" role="status">{t('featuresLoading')}</p>}
                {key === chosen && current && (
                  <VersionDetails
                    api={api}
                    definition={definition}
                    entry={entry}
                    current={current}
                    canRestore={canRestore}
                    hasUnsavedEdits={hasUnsavedEdits}
                    onRestore={onRestore}
                  />
                )}
              </VersionRow>
            );
          })}
        </ol>
      )}
    </section>
  );
}
