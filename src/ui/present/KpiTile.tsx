import type { LayerSummary } from '../../domain/progress/districtStats';
import { formatLayerMeasure, formatMetric, formatCount } from '../../domain/format/formatMeasure';
import { joinShown } from '../../domain/format/joinShown';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { KpiHeadline } from './KpiHeadline';
import { isShareMetric } from '../../domain/plan/targetMetrics';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { behindPace } from '../../domain/progress/targetVerdict';


interface KpiTileProps {
  summary: LayerSummary;
  focused: boolean;
  /** True while the map shows only this layer's completed projects. */
  showingDone: boolean;
  /** What the view filter narrows this layer to, for "其中…" beside the whole figures. */
  filterScope: string;
  onChoose: () => void;
  /** On another page of tiles (kpiPages): kept in the page so its figures stay current, but not shown. */
  hidden?: boolean;
}

/**
 * One layer's headline: its first target as a large percentage and ring, completed / target and a
 * verdict, the layer's total measure, and its other targets on a line each, always for the whole
 * district (under a filter, the part it shows follows "其中"). The whole tile is one button.
 */
export function KpiTile({ summary, focused, showingDone, filterScope, onChoose, hidden = false }: KpiTileProps) {
  const t = useTranslation();
  const { definition, targets, stats } = summary;
  const [primary, ...others] = targets;
  // Read from across a room, a part equal to the whole (a tile showing its own completed projects) is noise.
  const partOf = (targetId: string) => {
    const part = summary.targetsInView?.find((candidate) => candidate.targetId === targetId);
    const whole = targets.find((progress) => progress.targetId === targetId)?.actual;
    return part && part.actual !== whole ? part : undefined;
  };
  const ofWhich = (progress: TargetProgress) => fillMessage(t(isShareMetric(progress.metric) ? 'shareWithin' : 'ofWhich'), { scope: filterScope });
  const primaryPart = primary ? partOf(primary.targetId) : undefined;
  return (
    <button
      type="button"
      className={`kpi-tile${focused ? ' is-focused' : ''}`}
      aria-pressed={showingDone}
      data-layer-id={definition.id}
      hidden={hidden}
      onClick={onChoose}
    >
      <span className="kpi-title">
        <span className="kpi-swatch" style={{ background: definition.color }} aria-hidden="true" />
        <span className="kpi-name">{t.text(definition.name)}</span>
      </span>
      {primary && (
        <KpiHeadline progress={primary} color={definition.color}>
          {primaryPart && (
            <span className="kpi-part" data-testid="kpi-part">{ofWhich(primary)}{formatMetric(primary, primaryPart.actual, t.locale)}</span>
          )}
        </KpiHeadline>
      )}
      <span className="kpi-total">
        {summary.targetsInView ? t('shownTotal') : t('total')} {joinShown(formatCount(stats.totals.features, t.locale), formatLayerMeasure(definition.unit, stats.totals.areaSquareMeters, stats.totals.lengthMeters, t.locale))}
      </span>
      {others.map((progress) => {
        const part = partOf(progress.targetId);
        return (
          <span key={progress.targetId} className="kpi-secondary" data-target-id={progress.targetId}>
            {t.text(progress.label)}{' '}
            <span className="kpi-secondary-value">
              {formatMetric(progress, progress.actual, t.locale)} / {formatMetric(progress, progress.target, t.locale)}
            </span>
            {behindPace(progress) && <span className="kpi-flag verdict-behind" data-testid="kpi-behind"> {t('behindPaceFlag')}</span>}
            {part && <span className="kpi-secondary-part"> · {ofWhich(progress)}{formatMetric(progress, part.actual, t.locale)}</span>}
          </span>
        );
      })}
    </button>
  );
}
