import type { TargetProgress } from '../domain/progress/targetProgress';
import { useTranslation } from './LocaleContext';
import { formatMetric, formatPercent } from '../domain/format/formatMeasure';
import { fillMessage } from './fillMessage';
import { isShareMetric } from '../domain/plan/targetMetrics';
import { targetVerdict } from '../domain/progress/targetVerdict';

/** The part of a target a filter shows: "其中 金湖街道：6". */
export interface TargetPartShown {
  scope: string;
  actual: number;
}

/**
 * 已完成 12 / 目标 20 (60%), a bar with a tick where the schedule says it should be, and a verdict,
 * always for the whole district; under a filter the bar marks the part it shows, and says so.
 */
export function TargetProgressBar({ progress, part }: { progress: TargetProgress; part?: TargetPartShown }) {
  const t = useTranslation();
  // A share is a percentage of its own: "已达 62.5% / 目标 90%", and a filter's part of it is that scope's own share, not a slice of the bar.
  const isShare = isShareMetric(progress.metric);
  const fraction = progress.target > 0 ? Math.min(1, progress.actual / progress.target) : 0;
  const partFraction = part && !isShare && progress.target > 0 ? Math.min(fraction, part.actual / progress.target) : 0;
  const expectedFraction = progress.target > 0 ? Math.min(1, progress.expectedActual / progress.target) : 0;
  const verdict = targetVerdict(progress);
  return (
    <div className={`target target-${verdict}`} data-target-id={progress.targetId}>
      <div className="target-title">
        <span className="target-label">{t.text(progress.label)}</span>
        <span className={`badge badge-${verdict}`}>{t(verdict)}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label={t.text(progress.label)}
      >
        <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
        {part && !isShare && <span className="progress-part" style={{ width: `${partFraction * 100}%` }} />}
        <span className="progress-expected" style={{ left: `${expectedFraction * 100}%` }} title={t('expected')} />
      </div>
      <div className="target-numbers" data-testid="target-numbers">
        {isShare ? t('shareReached') : t('completed')} <strong>{formatMetric(progress, progress.actual, t.locale)}</strong>
        {' / '}{t('target')} {formatMetric(progress, progress.target, t.locale)}
        {!isShare && <>{' '}<strong>({formatPercent(progress.percent, t.locale)})</strong></>}
      </div>
      {part && (
        <div className="target-part" data-testid="target-part">
          {fillMessage(t(isShare ? 'shareWithin' : 'ofWhich'), { scope: part.scope })}<strong>{formatMetric(progress, part.actual, t.locale)}</strong>
        </div>
      )}
      <div className="target-meta">
        {t('deadline')} <time dateTime={progress.deadline}>{progress.deadline}</time>
        {' · '}{t('remaining')} {formatMetric(progress, progress.remaining, t.locale)}
      </div>
    </div>
  );
}
