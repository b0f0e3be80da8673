import type { TargetSeries } from '../../domain/progress/targetSeries';

/**
 * The date a key on a focused chart moves to: ← → the previous or next day the figure changed
 * (a day at a time would take hundreds of presses; the timeline does days), Home and End the plan
 * start and today. Null for other keys. Dates past today are not offered: the app shows no future.
 */
export function stepDate(series: TargetSeries, shownDate: string, today: string, key: string): string | null {
  const changes = series.steps.map((step) => step.date).filter((date) => date <= today);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return changes.find((date) => date > shownDate) ?? today;
    case 'ArrowLeft':
    case 'ArrowDown':
      return changes.findLast((date) => date < shownDate) ?? series.planStart;
    case 'Home':
      return series.planStart;
    case 'End':
      return today;
    default:
      return null;
  }
}
