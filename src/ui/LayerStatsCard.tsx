import type { ReactNode } from 'react';
import type { LayerDefinition } from '../domain/plan/manifest';
import type { TargetProgress } from '../domain/progress/targetProgress';
import type { LayerSummary } from '../domain/progress/districtStats';
import { useTranslation } from './LocaleContext';
import { formatCount, formatLayerMeasure } from '../domain/format/formatMeasure';
import { joinShown } from '../domain/format/joinShown';
import { TargetProgressBar } from './TargetProgressBar';

interface LayerStatsCardProps {
  definition: LayerDefinition;
  summary: LayerSummary;
  /** What the view filter narrows this layer to, for "其中…" under each target. */
  filterScope: string;
  /** What stands under each target's bar: its chart over time (StatsPanel). */
  chartOf?: (progress: TargetProgress) => ReactNode;
}

/** A layer's totals, a bar of its statuses, and each plan target's progress. */
export function LayerStatsCard({ definition, summary, filterScope, chartOf }: LayerStatsCardProps) {
  const t = useTranslation();
  const { totals, byStatus } = summary.stats;
  const measureOf = (areaSquareMeters: number, lengthMeters: number) =>
    formatLayerMeasure(definition.unit, areaSquareMeters, lengthMeters, t.locale);
  return (
    <section className="stats-card" data-layer-id={definition.id}>
      <header className="stats-card-header">
        <span className={`layer-swatch layer-swatch-${definition.geometry}`} style={{ background: definition.color }} aria-hidden="true" />
        <h3>{t.text(definition.name)}</h3>
        <span className="stats-total" data-testid="layer-total">
          {joinShown(formatCount(totals.features, t.locale), measureOf(totals.areaSquareMeters, totals.lengthMeters))}
        </span>
      </header>
      <div className="status-bar" role="img" aria-label={definition.statuses.map((status) => `${t.text(status.label)} ${byStatus[status.id]?.features ?? 0}`).join(', ')}>
        {definition.statuses.map((status) => {
          const count = byStatus[status.id]?.features ?? 0;
          return count > 0 ? (
            <span key={status.id} style={{ flexGrow: count, background: status.color }} title={t.text(status.label)} />
          ) : null;
        })}
      </div>
      <table className="status-table">
        <tbody>
          {definition.statuses.map((status) => {
            const entry = byStatus[status.id];
            return (
              <tr key={status.id} data-status-id={status.id}>
                <td><span className="status-swatch" style={{ background: status.color }} aria-hidden="true" />{t.text(status.label)}</td>
                <td className="number">{formatCount(entry?.features ?? 0, t.locale)}</td>
                {definition.unit !== undefined && <td className="number">{measureOf(entry?.areaSquareMeters ?? 0, entry?.lengthMeters ?? 0)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="targets">
        {summary.targets.map((progress) => {
          const shown = summary.targetsInView?.find((part) => part.targetId === progress.targetId);
          return (
            <div key={progress.targetId} className="target-with-chart">
              <TargetProgressBar progress={progress} part={shown && { scope: filterScope, actual: shown.actual }} />
              {chartOf?.(progress)}
            </div>
          );
        })}
      </div>
    </section>
  );
}
