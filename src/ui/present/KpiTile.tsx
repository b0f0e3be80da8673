import type { LayerSummary } from '../../domain/districtStats';
import { formatLayerMeasure, formatMetric, formatPercent, formatCount } from '../../domain/formatMeasure';
import { useTranslation } from '../LocaleContext';
import { ProgressRing } from './ProgressRing';

interface KpiTileProps {
  summary: LayerSummary;
  focused: boolean;
  /** True while the map shows only this layer's completed projects. */
  showingDone: boolean;
  onChoose: () => void;
}

/**
 * One layer's headline: its first target as a large percentage and ring, completed / target, the
 * layer's total measure, and its other targets on a line each. The whole tile is one button.
 */
export function KpiTile({ summary, focused, showingDone, onChoose }: KpiTileProps) {
  const t = useTranslation();
  const { definition, targets, stats } = summary;
  const [primary, ...others] = targets;
  const verdict = primary ? (primary.met ? 'met' : primary.overdue ? 'overdue' : primary.onTrack ? 'onTrack' : 'behind') : 'onTrack';
  return (
    <button
      type="button"
      className={`kpi-tile${focused ? ' is-focused' : ''}`}
      aria-pressed={showingDone}
      data-layer-id={definition.id}
      onClick={onChoose}
    >
      <span className="kpi-title">
        <span className="kpi-swatch" style={{ background: definition.color }} aria-hidden="true" />
        {t.text(definition.name)}
      </span>
      {primary && (
        <span className="kpi-main">
          <span className="kpi-ring">
            <ProgressRing fraction={primary.percent / 100} color={definition.color} />
            <span className="kpi-percent" data-testid="kpi-percent">{formatPercent(primary.percent, t.locale)}</span>
          </span>
          <span className="kpi-figures">
            <span className="kpi-target-label">{t.text(primary.label)}</span>
            <span className="kpi-actual" data-testid="kpi-actual">
              {formatMetric(primary.metric, primary.actual, t.locale)}
              <span className="kpi-of">{t('target')} {formatMetric(primary.metric, primary.target, t.locale)}</span>
            </span>
            <span className={`kpi-verdict verdict-${verdict}`}>{t(verdict)}</span>
          </span>
        </span>
      )}
      <span className="kpi-total">
        {t('total')} {formatCount(stats.totals.features, t.locale)} · {formatLayerMeasure(definition.unit, stats.totals.areaSquareMeters, stats.totals.lengthMeters, t.locale)}
      </span>
      {others.map((progress) => (
        <span key={progress.targetId} className="kpi-secondary" data-target-id={progress.targetId}>
          <span>{t.text(progress.label)}</span>
          <span className="kpi-secondary-value">
            {formatMetric(progress.metric, progress.actual, t.locale)} / {formatMetric(progress.metric, progress.target, t.locale)} ({formatPercent(progress.percent, t.locale)})
          </span>
        </span>
      ))}
    </button>
  );
}
