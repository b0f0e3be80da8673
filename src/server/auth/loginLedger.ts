import type { AttemptOutcome } from './addressThrottle';

/** The server-wide budget's burst: this many password checks at once before checksPerMinute applies. */
export const BURST_CHECKS = 10;
/** What a busy refusal asks the client to wait at least. */
export const BUSY_RETRY_MS = 1000;

export type LedgerAdmission =
  | { admitted: true; /** Once, whatever happened: counts a failure against the address, or not. */ finish(outcome: AttemptOutcome): Promise<void> }
  | { admitted: false; reason: 'address' | 'busy'; retryAfterMs: number };

/**
 * The counts behind sign-in throttling (loginGate.ts): each address's failures and attempts under
 * way (addressThrottle.ts) and the budget of password checks (a token bucket). In memory they
 * hold for one process (MemoryLoginLedger); in the database for every server of the bureau.
 */
export interface LoginLedger {
  /**
   * Decides one attempt from `address` and counts it, in one step, before any hashing: refused for
   * its address (429), refused as busy (503) when `hashingFull` (this process has no hashing place)
   * or the budget is spent, or admitted and counted as under way until `finish`.
   */
  admit(address: string, hashingFull: boolean): Promise<LedgerAdmission>;
}

export const busyRefusal = (waitMs: number): LedgerAdmission => ({ admitted: false, reason: 'busy', retryAfterMs: Math.max(BUSY_RETRY_MS, waitMs) });
