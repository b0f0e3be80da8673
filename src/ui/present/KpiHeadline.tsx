import type { ReactNode } from 'react';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { formatMetric, formatPercent } from '../../domain/format/formatMeasure';
import { isShareMetric } from '../../domain/plan/targetMetrics';
import { targetVerdict } from '../../domain/progress/targetVerdict';
import { useTranslation } from '../LocaleContext';
import { ProgressRing } from './ProgressRing';

/**
 * A KPI tile's headline target: a ring with the percentage (a share shows the share itself), the
 * target's label, completed / target and its verdict; `children` follow under the verdict.
 */
export function KpiHeadline({ progress, color, children }: { progress: TargetProgress; color: string; children?: ReactNode }) {
  const t = useTranslation();
  const verdict = targetVerdict(progress);
  return (
    <span className="kpi-main">
      <span className="kpi-ring">
        <ProgressRing fraction={progress.percent / 100} color={color} />
        <span className="kpi-percent" data-testid="kpi-percent">{isShareMetric(progress.metric) ? formatMetric(progress, progress.actual, t.locale) : formatPercent(progress.percent, t.locale)}</span>
      </span>
      <span className="kpi-figures">
        <span className="kpi-target-label">{t.text(progress.label)}</span>
        <span className="kpi-actual" data-testid="kpi-actual">
          {formatMetric(progress, progress.actual, t.locale)}
          <span className="kpi-of"> / {formatMetric(progress, progress.target, t.locale)}</span>
        </span>
        <span className={`kpi-verdict verdict-${verdict}`}>{t(verdict)}</span>
        {children}
      </span>
    </span>
  );
}
