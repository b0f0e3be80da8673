import type { Dispatch, ReactNode } from 'react';
import type { Manifest } from '../domain/plan/manifest';
import type { DistrictStats } from '../domain/progress/districtStats';
import type { TargetProgress } from '../domain/progress/targetProgress';
import type { ViewAction } from './viewReducer';
import { useTranslation } from './LocaleContext';
import { LayerStatsCard } from './LayerStatsCard';
import { filterScopeLabel } from './filterScopeLabel';
import { isFiltering } from './viewFilterOf';
import type { TargetSeriesSource } from '../domain/progress/targetSeriesOf';
import { PanelTargetChart } from './chart/PanelTargetChart';

interface StatsPanelProps {
  manifest: Manifest;
  stats: DistrictStats;
  asOfDate: string;
  statusFilters: Readonly<Record<string, string[]>>;
  streets: readonly string[];
  /** 只看预警项目 narrows every layer too. */
  lateOnly?: boolean;
  dispatch: Dispatch<ViewAction>;
  /** A staff panel (a layer's history) at the top of the column, beside the map rather than over it. */
  docked?: ReactNode;
  /** The control-line conflicts view, below the targets. */
  conflicts?: ReactNode;
  /** Per layer id, what each target's chart over time is drawn from (useSeriesSources). */
  seriesSources: ReadonlyMap<string, TargetSeriesSource>;
  today: string;
}

export function StatsPanel({ manifest, stats, asOfDate, statusFilters, streets, lateOnly = false, dispatch, docked, conflicts, seriesSources, today }: StatsPanelProps) {
  const t = useTranslation();
  const filtered = isFiltering(statusFilters, streets, lateOnly);
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
          const scope = filterScopeLabel(t.locale, streets, statusFilters[definition.id] ?? [], lateOnly);
          const source = seriesSources.get(definition.id);
          const chartOf = (progress: TargetProgress) => (
            <PanelTargetChart definition={definition} source={source} progress={progress} planStart={manifest.district.planStart} today={today} asOfDate={asOfDate} dispatch={dispatch} />
          );
          return summary ? <LayerStatsCard key={definition.id} definition={definition} summary={summary} filterScope={scope} chartOf={chartOf} /> : null;
        })}
        {conflicts}
      </div>
    </aside>
  );
}
