import { addressBlockKey } from './addressBlockKey';

/*
 * Sign-in attempts per client address. The first attempts may run at once; after FREE_FAILURES
 * failures each further one waits for the one before and then a delay that doubles with every
 * failure, up to 15 minutes. Attempts count when they arrive, not when their password check
 * ends, so 30 guesses sent at once get as many checks as 30 sent one after the other would.
 * Keyed by address, never by account: guessing locks out the guesser, not the account's owner.
 * The class keeps the counts in memory (file mode: a restart forgets); the rules below are also
 * the database's (postgresLoginLedger.ts), which keeps them for every server of the bureau.
 */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
/** An address's failures are forgotten this long after its last failure or the end of its wait. */
export const FORGET_AFTER_MS = MAX_DELAY_MS;
const MAX_TRACKED = 10_000;

export interface AddressState {
  failures: number;
  inFlight: number;
  blockedUntil: number;
  lastFailureAt: number;
}

export type AttemptOutcome = 'failed' | 'succeeded' | 'not-checked';

export type AddressAdmission = { admitted: true; finish: (outcome: AttemptOutcome) => void } | { admitted: false; retryAfterMs: number };

function delayAfterFailures(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));
}

/** When an address with no attempt under way starts afresh. */
export function addressForgetsAt(state: AddressState): number {
  return Math.max(state.blockedUntil, state.lastFailureAt) + FORGET_AFTER_MS;
}

/** The wait before this address may try again, or undefined when it may try now. */
export function addressRefusal(state: AddressState, now: number): number | undefined {
  const counted = state.failures + state.inFlight;
  if (now < state.blockedUntil || (counted > FREE_FAILURES && state.inFlight > 0)) return Math.max(FIRST_DELAY_MS, state.blockedUntil - now, delayAfterFailures(counted));
  return undefined;
}

/** Counts a finished attempt (no longer under way) into the address's state. */
export function countAttempt(state: AddressState, outcome: AttemptOutcome, now: number): void {
  state.inFlight -= 1;
  if (outcome === 'failed') {
    state.failures += 1;
    state.lastFailureAt = now;
    state.blockedUntil = Math.max(state.blockedUntil, now + delayAfterFailures(state.failures));
  } else if (outcome === 'succeeded') {
    state.failures = 0;
    state.blockedUntil = 0;
  }
}

export class AddressThrottle {
  private readonly states = new Map<string, AddressState>();

  /** Decides and counts in one step, so no other attempt can slip in between. */
  admit(address: string, now = Date.now()): AddressAdmission {
    const key = addressBlockKey(address);
    const state = this.stateOf(key, now);
    const retryAfterMs = addressRefusal(state, now);
    if (retryAfterMs !== undefined) return { admitted: false, retryAfterMs };
    state.inFlight += 1;
    let finished = false;
    const finish = (outcome: AttemptOutcome): void => {
      if (finished) return;
      finished = true;
      this.finish(key, state, outcome, Date.now());
    };
    return { admitted: true, finish };
  }

  private stateOf(key: string, now: number): AddressState {
    const known = this.states.get(key);
    if (known && (known.inFlight > 0 || now < addressForgetsAt(known))) return known;
    if (!known && this.states.size >= MAX_TRACKED) this.makeRoom(now);
    const fresh: AddressState = { failures: 0, inFlight: 0, blockedUntil: 0, lastFailureAt: 0 };
    this.states.set(key, fresh);
    return fresh;
  }

  private finish(key: string, state: AddressState, outcome: AttemptOutcome, now: number): void {
    countAttempt(state, outcome, now);
    if (state.inFlight === 0 && state.failures === 0 && this.states.get(key) === state) this.states.delete(key);
  }

  private makeRoom(now: number): void {
    for (const [key, state] of this.states) if (state.inFlight === 0 && now >= addressForgetsAt(state)) this.states.delete(key);
    // Still full: the oldest entries go first.
    for (const [key, state] of this.states) {
      if (this.states.size < MAX_TRACKED) break;
      if (state.inFlight === 0) this.states.delete(key);
    }
  }
}
