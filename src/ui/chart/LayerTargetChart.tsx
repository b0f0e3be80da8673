import { useMemo, type Dispatch } from 'react';
import type { PlanTarget } from '../../domain/plan/manifest';
import type { MeasuredLayer } from '../../domain/measure/measuredLayer';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import { targetSeries } from '../../domain/progress/targetSeries';
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
  /** Undefined while the layer's features are still loading: no chart yet. */
  layer: MeasuredLayer | undefined;
  progress: TargetProgress;
  variant: 'compact' | 'large';
  background: string;
}

/**
 * A target's chart over the whole district, like its progress bar (a filter never changes a
 * target's progress). The series depends on the data, not on the date shown: moving the timeline
 * only moves the marker.
 */
export function LayerTargetChart({ target, layer, progress, planStart, today, asOfDate, dispatch, variant, background }: LayerTargetChartProps) {
  const series = useMemo(() => (layer ? targetSeries(target, layer, { planStart, today }) : null), [target, layer, planStart, today]);
  if (!series || !layer) return null;
  return (
    <TargetChart
      series={series}
      progress={progress}
      color={layer.definition.color}
      background={background}
      asOfDate={asOfDate}
      today={today}
      dispatch={dispatch}
      variant={variant}
    />
  );
}
