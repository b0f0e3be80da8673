import { useMemo, type Dispatch } from 'react';
import type { PlanTarget } from '../../domain/plan/manifest';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { definitionOfSource, targetSeriesOf, type TargetSeriesSource } from '../../domain/progress/targetSeriesOf';
import type { ViewAction } from '../viewReducer';
import { TargetChart } from './TargetChart';

/** The dates a chart spans and marks, and where a chosen date goes: the timeline's own action. */
export interface ChartTimeProps {
  /** YYYY-MM-DD, each. */
  planStart: string;
  today: string;
  asOfDate: string;
  dispatch: Dispatch<ViewAction>;
}

interface LayerTargetChartProps extends ChartTimeProps {
  target: PlanTarget;
  /** Undefined while the layer's data is still loading: no chart yet. */
  source: TargetSeriesSource | undefined;
  progress: TargetProgress;
  variant: 'compact' | 'large';
  background: string;
}

/**
 * A target's chart over the whole district, like its progress bar (a filter never changes a
 * target's progress). The series depends on the data, not on the date shown: moving the timeline
 * only moves the marker.
 */
export function LayerTargetChart({ target, source, progress, planStart, today, asOfDate, dispatch, variant, background }: LayerTargetChartProps) {
  const series = useMemo(() => (source ? targetSeriesOf(target, source, { planStart, today }) : null), [target, source, planStart, today]);
  if (!series || !source) return null;
  return (
    <TargetChart
      series={series}
      progress={progress}
      color={definitionOfSource(source).color}
      background={background}
      asOfDate={asOfDate}
      today={today}
      dispatch={dispatch}
      variant={variant}
    />
  );
}
