import type { TargetSeries } from '../../domain/progress/targetSeries';
import { utcDayNumber } from '../../domain/progress/targetProgress';
import { isoDateFromDayNumber } from '../../domain/dates/isoDateFromDayNumber';

/** The SVG's drawing box: 0..PLOT_SIZE both ways, stretched to the element (preserveAspectRatio none). */
export const PLOT_SIZE = 1000;

/** Room above the highest value, so the target line never sits on the plot's edge. */
const HEADROOM = 1.12;

/** What the chart spans: the plan start to the later of the deadline and the series' end; zero to above the highest value. */
export interface ChartFrame {
  firstDay: number;
  lastDay: number;
  maxValue: number;
}

export function chartFrame(series: TargetSeries): ChartFrame {
  const firstDay = utcDayNumber(series.planStart);
  const lastDay = Math.max(firstDay + 1, utcDayNumber(series.deadline), utcDayNumber(series.endDate));
  const highest = Math.max(series.target, ...series.steps.map((step) => step.actual));
  return { firstDay, lastDay, maxValue: highest > 0 ? highest * HEADROOM : 1 };
}

/** A date's place across the chart, 0..1 (clamped). */
export function xFraction(frame: ChartFrame, isoDate: string): number {
  const fraction = (utcDayNumber(isoDate) - frame.firstDay) / (frame.lastDay - frame.firstDay);
  return Math.min(1, Math.max(0, fraction));
}

/** A value's height, 0 (bottom) ..1 (top). */
export function yFraction(frame: ChartFrame, value: number): number {
  return Math.min(1, Math.max(0, value / frame.maxValue));
}

/** The date at a place across the chart, 0..1. */
export function dateAtFraction(frame: ChartFrame, fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  return isoDateFromDayNumber(frame.firstDay + Math.round(clamped * (frame.lastDay - frame.firstDay)));
}

const x = (frame: ChartFrame, isoDate: string) => (xFraction(frame, isoDate) * PLOT_SIZE).toFixed(1);
const y = (frame: ChartFrame, value: number) => ((1 - yFraction(frame, value)) * PLOT_SIZE).toFixed(1);

/** The actual as a step line in the drawing box: level until the next change, then up (or down); to the series' end. */
export function actualPath(series: TargetSeries, frame: ChartFrame): string {
  const [first, ...later] = series.steps;
  if (!first) return '';
  const moves = later.map((step) => `H${x(frame, step.date)} V${y(frame, step.actual)}`);
  return [`M${x(frame, first.date)} ${y(frame, first.actual)}`, ...moves, `H${x(frame, series.endDate)}`].join(' ');
}

/** The steady pace: zero at the plan start to the target at the deadline, then level. */
export function pacePath(series: TargetSeries, frame: ChartFrame): string {
  const end = isoDateFromDayNumber(frame.lastDay);
  return `M${x(frame, series.planStart)} ${y(frame, 0)} L${x(frame, series.deadline)} ${y(frame, series.target)} H${x(frame, end)}`;
}

/** 1 January of every year inside the chart, and where it falls across it: the grid lines. */
export function yearTicks(frame: ChartFrame): { year: number; fraction: number }[] {
  const firstYear = Number(isoDateFromDayNumber(frame.firstDay).slice(0, 4));
  const lastYear = Number(isoDateFromDayNumber(frame.lastDay).slice(0, 4));
  const ticks: { year: number; fraction: number }[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    if (utcDayNumber(`${year}-01-01`) >= frame.firstDay) ticks.push({ year, fraction: xFraction(frame, `${year}-01-01`) });
  }
  return ticks;
}

/** A year's label goes under the middle of its span; a sliver of a year at either end (under 60 %) gets none, so labels never crowd. */
const LABELLED_YEAR_FRACTION = 0.6;

/** Each year the chart spans most of, and the middle of its span across the chart (0..1): the axis labels. */
export function yearLabels(frame: ChartFrame): { year: number; fraction: number }[] {
  const firstYear = Number(isoDateFromDayNumber(frame.firstDay).slice(0, 4));
  const lastYear = Number(isoDateFromDayNumber(frame.lastDay).slice(0, 4));
  const labels: { year: number; fraction: number }[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const yearStart = utcDayNumber(`${year}-01-01`);
    const yearEnd = utcDayNumber(`${year + 1}-01-01`);
    const start = Math.max(frame.firstDay, yearStart);
    const end = Math.min(frame.lastDay, yearEnd);
    if ((end - start) / (yearEnd - yearStart) < LABELLED_YEAR_FRACTION) continue;
    labels.push({ year, fraction: ((start + end) / 2 - frame.firstDay) / (frame.lastDay - frame.firstDay) });
  }
  return labels;
}
