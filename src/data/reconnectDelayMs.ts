export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** A dropped stream is retried after 1 s, 2 s, 4 s … up to a minute. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 60_000 };

/**
 * How long to wait before reconnect number `attempt` (0 for the first): doubling from
 * `initialMs` up to `maxMs`, each drawn from the upper half of that bound ("equal jitter"), so
 * many browsers that lost the same server do not all come back in the same instant.
 */
export function reconnectDelayMs(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const bound = Math.min(backoff.maxMs, backoff.initialMs * 2 ** exponent);
  return bound / 2 + (bound / 2) * Math.min(Math.max(random(), 0), 1);
}
