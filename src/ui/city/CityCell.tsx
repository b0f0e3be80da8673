import type { TargetProgress } from '../../domain/progress/targetProgress';
import { formatMetric, formatPercent } from '../../domain/format/formatMeasure';
import { isShareMetric } from '../../domain/plan/targetMetrics';
import { targetVerdict } from '../../domain/progress/targetVerdict';
import { useTranslation } from '../LocaleContext';

/** One district's (or the city's) figure for a target in the table: 12 / 20, its bar and percent, and a verdict. */
export function CityCell({ progress }: { progress: TargetProgress | null }) {
  const t = useTranslation();
  if (!progress) return <td className="city-cell city-cell-empty" title={t('cityNoSuchTarget')}>—</td>;
  const verdict = targetVerdict(progress);
  const fraction = progress.target > 0 ? Math.min(1, progress.actual / progress.target) : 0;
  // A share is a percentage itself: its percent of the target would read as a second share.
  const percentText = isShareMetric(progress.metric) ? '' : ` (${formatPercent(progress.percent, t.locale)})`;
  return (
    <td className={`city-cell target-${verdict}`} data-verdict={verdict}>
      <span className="city-figures" data-testid="city-figures">
        {formatMetric(progress, progress.actual, t.locale)} / {formatMetric(progress, progress.target, t.locale)}{percentText}
      </span>
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={t.text(progress.label)}>
        <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </span>
      <span className={`badge badge-${verdict}`}>{t(verdict)}</span>
    </td>
  );
}
