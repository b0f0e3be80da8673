import type { Dispatch } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { DistrictStats } from '../domain/progress/districtStats';
import type { ViewAction } from './viewReducer';
import type { ViewState } from './viewState';
import { useTranslation } from './LocaleContext';
import { LayerCard } from './LayerCard';
import { ControlLineLegend } from './control/ControlLineLegend';

interface LayerPanelProps {
  manifest: Manifest;
  /** Stats under the sub-district filter only, so each legend row counts what choosing it would show. */
  stats: DistrictStats;
  view: ViewState;
  dispatch: Dispatch<ViewAction>;
  /** Opens a layer's version history; absent when the history cannot be read (no one signed in). */
  onShowHistory?: (layerId: string) => void;
}

export function LayerPanel({ manifest, stats, view, dispatch, onShowHistory }: LayerPanelProps) {
  const t = useTranslation();
  const anyFilter = Object.keys(view.statusFilters).length > 0;
  return (
    <aside className="panel panel-left" aria-label={t('layers')}>
      <div className="panel-heading">
        <h2>{t('layers')}</h2>
        {anyFilter && (
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'clearAllFilters' })}>
            {t('clearAllFilters')}
          </button>
        )}
      </div>
      <div className="panel-scroll">
        {manifest.layers.map((definition) => (
          <LayerCard
            key={definition.id}
            definition={definition}
            stats={stats.layers.find((layer) => layer.layerId === definition.id)?.stats}
            visible={!view.hiddenLayerIds.includes(definition.id)}
            chosenStatuses={view.statusFilters[definition.id] ?? []}
            dispatch={dispatch}
            onShowHistory={onShowHistory}
          />
        ))}
        <ControlLineLegend manifest={manifest} view={view} dispatch={dispatch} />
      </div>
    </aside>
  );
}
