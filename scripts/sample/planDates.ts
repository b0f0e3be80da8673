/**
 * `plan_dates`: for each status after the first, the day the project was planned to reach it.
 * Statuses reached carry a planned day near the actual one (some reached late, some early); the
 * next status of a project under way is planned ahead of the day the sample is shown, except for
 * a few projects deliberately overdue and a few due within the month, so that deadline warnings
 * have something to say.
 */
import type { LayerDefinition } from '../../src/domain/plan/manifest';
import { dayNumber, isoDate } from './lifecycle';
import type { SampleFeature } from './planLayers';
import type { Random } from './random';

/** The day the sample is presented; the data themselves stop at AS_OF. */
export const SAMPLE_TODAY = '2026-12-07';
const OVERDUE_PER_LAYER = 2;
const DUE_SOON_PER_LAYER = 2;
/** "Due soon" is within this many days of SAMPLE_TODAY. */
const DUE_SOON_DAYS = 30;

type Pace = 'overdue' | 'due-soon' | 'ahead';

/** Adds `plan_dates` before `history` to every feature of a layer whose statuses form one chain. */
export function addPlanDates(layer: LayerDefinition, features: SampleFeature[], random: Random): void {
  const chain = layer.statuses.map((s) => s.id);
  const today = dayNumber(SAMPLE_TODAY);
  const lastDeadline = Math.max(...layer.targets.map((t) => dayNumber(t.deadline)));
  const open = features.filter((f) => f.properties.history.length < chain.length);
  // Only projects in their current status for a while can plausibly be late for the next.
  const lateable = random.shuffle(open.filter((f) => dayNumber(lastDate(f)) <= today - 60));
  const overdue = new Set(lateable.slice(0, OVERDUE_PER_LAYER));
  const dueSoon = new Set(random.shuffle(open.filter((f) => !overdue.has(f))).slice(0, DUE_SOON_PER_LAYER));
  for (const feature of features) {
    const pace: Pace = overdue.has(feature) ? 'overdue' : dueSoon.has(feature) ? 'due-soon' : 'ahead';
    const dates = planDatesOf(feature, chain, pace, today, lastDeadline, random);
    const { history, ...rest } = feature.properties;
    feature.properties = { ...rest, plan_dates: dates, history };
  }
}

function lastDate(feature: SampleFeature): string {
  return feature.properties.history[feature.properties.history.length - 1]?.date ?? '';
}

function planDatesOf(feature: SampleFeature, chain: readonly string[], pace: Pace, today: number, lastDeadline: number, random: Random): Record<string, string> {
  const history = feature.properties.history;
  const dates: Record<string, string> = {};
  let previous = dayNumber(history[0]?.date ?? '2024-01-01');
  for (const [i, change] of history.entries()) {
    if (i === 0) continue;
    previous = Math.max(previous + 14, dayNumber(change.date) + random.int(-40, 25));
    dates[change.status] = isoDate(previous);
  }
  const rest = chain.slice(history.length);
  if (rest.length === 0) return dates;
  const since = dayNumber(lastDate(feature));
  let next: number;
  if (pace === 'overdue') next = Math.max(since + 30, today - random.int(8, 60));
  else if (pace === 'due-soon') next = today + random.int(3, DUE_SOON_DAYS - 2);
  else next = Math.max(today + DUE_SOON_DAYS + 5, since + random.int(120, 420));
  // The later statuses share the time left to the plan's last deadline, a season at least each.
  const step = Math.max(90, Math.floor((lastDeadline - next) / rest.length));
  rest.forEach((status, k) => {
    dates[status] = isoDate(next + k * step - (k === 0 ? 0 : random.int(0, 20)));
  });
  return dates;
}
