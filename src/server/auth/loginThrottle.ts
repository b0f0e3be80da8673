/**
 * Exponential backoff on failed logins per username and address: the first few mistakes are
 * free, then each failure doubles the wait, up to 15 minutes. In memory, so a restart forgets.
 */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
const MAX_TRACKED = 10_000;

interface FailureState {
  failures: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly states = new Map<string, FailureState>();

  private static key(username: string, address: string): string {
    return `${username}\u0000${address}`;
  }

  /** Milliseconds to wait before another attempt is allowed; 0 when one may be made now. */
  retryAfterMs(username: string, address: string, now = Date.now()): number {
    const state = this.states.get(LoginThrottle.key(username, address));
    return state ? Math.max(0, state.blockedUntil - now) : 0;
  }

  recordFailure(username: string, address: string, now = Date.now()): void {
    const key = LoginThrottle.key(username, address);
    if (this.states.size >= MAX_TRACKED && !this.states.has(key)) this.forgetExpired(now);
    const failures = (this.states.get(key)?.failures ?? 0) + 1;
    const delay = failures <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
    this.states.set(key, { failures, blockedUntil: now + delay });
  }

  recordSuccess(username: string, address: string): void {
    this.states.delete(LoginThrottle.key(username, address));
  }

  private forgetExpired(now: number): void {
    for (const [key, state] of this.states) if (state.blockedUntil <= now - MAX_DELAY_MS) this.states.delete(key);
  }
}
