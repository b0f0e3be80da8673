import type { LayerDefinition } from '../../domain/plan/manifest';
import type { TargetSeriesSource } from '../../domain/progress/targetSeriesOf';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { useTranslation } from '../LocaleContext';
import { LayerTargetChart, type ChartTimeProps } from './LayerTargetChart';

interface PanelTargetChartProps extends ChartTimeProps {
  definition: LayerDefinition;
  source: TargetSeriesSource | undefined;
  progress: TargetProgress;
}

/** The statistics panel's compact chart under a target's bar, open at first and folded away with a click when the column is tight. */
export function PanelTargetChart({ definition, progress, ...rest }: PanelTargetChartProps) {
  const t = useTranslation();
  const target = definition.targets.find((candidate) => candidate.id === progress.targetId);
  if (!target) return null;
  return (
    <details className="target-chart-details" open>
      <summary>{t('chartProgressOverTime')}</summary>
      <LayerTargetChart target={target} progress={progress} variant="compact" background="#ffffff" {...rest} />
    </details>
  );
}
