import type { Dispatch, KeyboardEvent, PointerEvent } from 'react';
import type { TargetProgress } from '../../domain/progress/targetProgress';
import type { TargetSeries } from '../../domain/progress/targetSeries';
import { formatMetric } from '../../domain/format/formatMeasure';
import type { ViewAction } from '../viewReducer';
import { useTranslation } from '../LocaleContext';
import { fillMessage } from '../fillMessage';
import { actualPath, chartFrame, dateAtFraction, pacePath, PLOT_SIZE, xFraction, yearLabels, yearTicks, yFraction } from './chartFrame';
import { readableColor } from './readableColor';
import { stepDate } from './stepDate';
import './targetChart.css';

interface TargetChartProps {
  series: TargetSeries;
  /** The target's progress on the date shown: the figures written on the chart, the same as the bar's. */
  progress: TargetProgress;
  /** The layer's colour; lightened or darkened until the line stands out from `background`. */
  color: string;
  background: string;
  /** YYYY-MM-DD: the date the app shows. */
  asOfDate: string;
  today: string;
  dispatch: Dispatch<ViewAction>;
  variant: 'compact' | 'large';
}

/**
 * A target's cumulative figure by date (a step line) beside the steady pace and the target, with
 * the date shown marked and its figures written in the legend, so nothing needs a hover. Own SVG
 * rather than a charting library: a fraction of the bytes (docs/charts.md). The lines are drawn in
 * a stretched box with strokes in screen pixels; the words are HTML, sized by CSS like the rest of
 * the screen (present.css's --u on a big screen). Clicking, dragging or the arrow keys choose the
 * date through the timeline's own action.
 */
export function TargetChart({ series, progress, color, background, asOfDate, today, dispatch, variant }: TargetChartProps) {
  const t = useTranslation();
  const frame = chartFrame(series);
  const lineColor = readableColor(color, background);
  const choose = (isoDate: string) => {
    const clamped = isoDate < series.planStart ? series.planStart : isoDate;
    dispatch({ type: 'setAsOfDate', asOfDate: clamped >= today ? null : clamped });
  };
  const chooseAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0) choose(dateAtFraction(frame, (event.clientX - box.left) / box.width));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const chosen = stepDate(series, asOfDate, today, event.key);
    if (chosen === null) return;
    event.preventDefault();
    choose(chosen);
  };
  const shownX = xFraction(frame, asOfDate) * 100;
  const todayX = xFraction(frame, today) * PLOT_SIZE;
  const targetY = (1 - yFraction(frame, series.target)) * PLOT_SIZE;
  const shownY = (1 - yFraction(frame, progress.actual)) * 100;
  const figure = (value: number) => formatMetric(progress, value, t.locale);
  return (
    <figure className={`target-chart target-chart-${variant}`} data-chart-target-id={series.targetId} style={{ ['--chart-color' as string]: lineColor }}>
      <figcaption className="target-chart-legend">
        <span className="legend-actual"><i aria-hidden="true" />{t('chartActual')} <strong data-testid="chart-actual">{figure(progress.actual)}</strong></span>
        <span className="legend-pace"><i aria-hidden="true" />{t('chartPace')} <span data-testid="chart-pace">{figure(progress.expectedActual)}</span></span>
        <span className="legend-target"><i aria-hidden="true" />{t('chartTarget')} {figure(series.target)}</span>
      </figcaption>
      <div
        className="target-chart-plot"
        role="slider"
        tabIndex={0}
        aria-label={fillMessage(t('chartLabel'), { target: t.text(progress.label) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shownX)}
        aria-valuetext={`${asOfDate} ${t('chartActual')} ${figure(progress.actual)}`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          chooseAt(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) chooseAt(event);
        }}
        onKeyDown={onKeyDown}
      >
        <svg viewBox={`0 0 ${PLOT_SIZE} ${PLOT_SIZE}`} preserveAspectRatio="none" aria-hidden="true">
          <rect className="chart-future" x={todayX} y={0} width={Math.max(0, PLOT_SIZE - todayX)} height={PLOT_SIZE} />
          {yearTicks(frame).map((tick) => (
            <line key={tick.year} className="chart-grid" x1={tick.fraction * PLOT_SIZE} x2={tick.fraction * PLOT_SIZE} y1={0} y2={PLOT_SIZE} />
          ))}
          <line className="chart-baseline" x1={0} x2={PLOT_SIZE} y1={PLOT_SIZE} y2={PLOT_SIZE} />
          <line className="chart-target" x1={0} x2={PLOT_SIZE} y1={targetY} y2={targetY} />
          <path className="chart-pace" d={pacePath(series, frame)} />
          <path className="chart-actual" d={actualPath(series, frame)} />
          <line className="chart-shown" x1={(shownX / 100) * PLOT_SIZE} x2={(shownX / 100) * PLOT_SIZE} y1={0} y2={PLOT_SIZE} />
        </svg>
        <span className="chart-dot" style={{ left: `${shownX}%`, top: `${shownY}%` }} aria-hidden="true" />
      </div>
      <div className="target-chart-axis" aria-hidden="true">
        {yearLabels(frame).map((label) => (
          <span key={label.year} style={{ left: `${label.fraction * 100}%` }}>{fillMessage(t('chartYear'), { year: label.year })}</span>
        ))}
      </div>
    </figure>
  );
}
