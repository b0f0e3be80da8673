/**
 * Status histories. Each project follows its lifecycle from the layer manifest; how many are
 * finished, under way or not started follows the plan's linear schedule, a little behind.
 */
import type { LayerDefinition } from '../../src/domain/plan/manifest';
import type { StatusChange } from '../../src/domain/plan/planFeature';
import type { Random } from './random';

const DAY_MS = 86400000;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The data describe the plan as of this day; no history entry is later. */
export const AS_OF = '2026-10-31';
const FIRST_ENTRY_FROM = '2024-01-01';
const FIRST_ENTRY_TO = '2024-03-31';

/**
 * The lifecycle that ends in `doneStatus`. The manifest lists branches one after another
 * (pending, expropriating, demolishing, demolished, renovating, renovated): a branch is the
 * first status followed by the run of statuses after the previous branch's end.
 */
export function lifecycleOf(layer: LayerDefinition, doneStatus: string): string[] {
  const ids = layer.statuses.map((s) => s.id);
  const end = ids.indexOf(doneStatus);
  if (end < 1) throw new Error(`${layer.id}: ${doneStatus} is not a lifecycle end`);
  let start = 1;
  for (const done of layer.doneStatuses) {
    const i = ids.indexOf(done);
    if (i < end && i + 1 > start) start = i + 1;
  }
  const first = ids[0];
  if (first === undefined) throw new Error(`${layer.id} has no statuses`);
  return [first, ...ids.slice(start, end + 1)];
}

/** Share of the time to a deadline that has passed by AS_OF. */
export function elapsedShare(planStart: string, deadline: string): number {
  return (dayNumber(AS_OF) - dayNumber(planStart)) / (dayNumber(deadline) - dayNumber(planStart));
}

/** Strictly increasing days between `from` and `to`, at least `gap` apart. */
function spreadDays(random: Random, count: number, from: number, to: number, gap: number): number[] {
  const days: number[] = [];
  let low = from;
  for (let i = 0; i < count; i += 1) {
    const roomLeft = to - gap * (count - 1 - i);
    const day = Math.round(low + (roomLeft - low) * Math.min(1, random.range(0.15, 0.9) / (count - i)));
    const clamped = Math.max(low, Math.min(roomLeft, day));
    days.push(clamped);
    low = clamped + gap;
  }
  return days;
}

/**
 * A history reaching `stage` (0 = the first status). Finished projects finish on `finishDay`;
 * projects under way entered their current stage on `finishDay`.
 */
export function historyTo(random: Random, lifecycle: readonly string[], stage: number, finishDay: number): StatusChange[] {
  const firstDay = random.int(dayNumber(FIRST_ENTRY_FROM), dayNumber(FIRST_ENTRY_TO));
  const statuses = lifecycle.slice(0, stage + 1);
  if (stage === 0) return [{ date: isoDate(firstDay), status: statuses[0] ?? '' }];
  const last = Math.max(firstDay + 14 * stage, Math.min(finishDay, dayNumber(AS_OF)));
  const middle = spreadDays(random, stage - 1, firstDay + 14, last - 14, 14);
  const days = [firstDay, ...middle, last];
  return statuses.map((status, i) => ({ date: isoDate(days[i] ?? last), status }));
}

export interface ProgressPlan {
  /** Share of the target's measure that is finished. */
  doneShare: number;
  /** Share of the not-finished projects that have started. */
  startedShare: number;
}

/**
 * Stages for one try: projects in random order finish until the measure reaches `doneShare` of
 * the total; of the others, `startedShare` are under way at a random intermediate stage.
 */
export function chooseStages(random: Random, projects: readonly { lifecycle: readonly string[]; measure: number }[], plan: ProgressPlan): number[] {
  const total = projects.reduce((sum, p) => sum + p.measure, 0);
  const stages = projects.map(() => 0);
  let done = 0;
  for (const i of random.shuffle(projects.map((_, k) => k))) {
    const project = projects[i];
    if (project === undefined) continue;
    if (done + project.measure / 2 <= plan.doneShare * total) {
      stages[i] = project.lifecycle.length - 1;
      done += project.measure;
    } else if (random.chance(plan.startedShare)) {
      // Later stages are as likely as earlier ones: work in progress spreads along the pipeline.
      stages[i] = random.int(1, Math.max(1, project.lifecycle.length - 2));
    }
  }
  return stages;
}

/** Dated histories for chosen stages. */
export function historiesFor(random: Random, lifecycles: readonly (readonly string[])[], stages: readonly number[]): StatusChange[][] {
  const start = dayNumber('2024-05-01');
  const end = dayNumber(AS_OF);
  return lifecycles.map((lifecycle, i) => {
    const stage = stages[i] ?? 0;
    const finished = stage === lifecycle.length - 1;
    // Finishes spread evenly over the period so far, so the progress curve is roughly linear.
    const day = finished ? random.int(start, end) : random.int(dayNumber('2025-03-01'), end);
    return historyTo(random, lifecycle, stage, day);
  });
}
