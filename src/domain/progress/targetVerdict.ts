import type { TargetProgress } from './targetProgress';

export type TargetVerdict = 'met' | 'overdue' | 'onTrack' | 'behind';

type VerdictInput = Pick<TargetProgress, 'met' | 'overdue' | 'onTrack'>;

/** One word for a target on the date shown, the same in the panel, the present tiles and the CLI. */
export function targetVerdict(progress: VerdictInput): TargetVerdict {
  return progress.met ? 'met' : progress.overdue ? 'overdue' : progress.onTrack ? 'onTrack' : 'behind';
}

/**
 * Below the steady pace from the plan start to the deadline on the date shown (滞后), overdue
 * targets included: what 监测预警 flags beside late projects.
 */
export function behindPace(progress: Pick<TargetProgress, 'onTrack'>): boolean {
  return !progress.onTrack;
}
