import type { Dispatch, ReactNode } from 'react';
import type { Manifest } from '../domain/manifest';
import type { DistrictStats } from '../domain/districtStats';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';
import { LayerStatsCard } from './LayerStatsCard';

interface StatsPanelProps {
  manifest: Manifest;
  stats: DistrictStats;
  asOfDate: string;
  filtered: boolean;
  dispatch: Dispatch<ViewAction>;
  /** A staff panel (a layer's history) at the top of the column, beside the map rather than over it. */
  docked?: ReactNode;
}

export function StatsPanel({ manifest, stats, asOfDate, filtered, dispatch, docked }: StatsPanelProps) {
  const t = useTranslation();
  return (
    <aside className="panel panel-right" aria-label={t('statistics')}>
      {docked}
      <div className="panel-heading">
        <h2>{t('planTargets')}</h2>
        <span className="as-of">{t('asOf')} <time dateTime={asOfDate}>{asOfDate}</time></span>
      </div>
      {filtered && (
        <div className="filter-note" role="status">
          <span>{t('filtered')}</span>
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'clearAllFilters' })}>
            {t('clearAllFilters')}
          </button>
        </div>
      )}
      <div className="panel-scroll">
        {manifest.layers.map((definition) => {
          const summary = stats.layers.find((layer) => layer.layerId === definition.id);
          return summary ? <LayerStatsCard key={definition.id} definition={definition} summary={summary} /> : null;
        })}
      </div>
    </aside>
  );
}
