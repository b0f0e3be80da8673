import { verifyPassword } from '../../data/accounts/passwordHash';
import { AddressThrottle, type AttemptOutcome } from './addressThrottle';
import { BoundedSemaphore } from './boundedSemaphore';
import { TokenBucket } from './tokenBucket';

/*
 * Password checks are scrypt on Node's thread pool (4 threads unless UV_THREADPOOL_SIZE says
 * otherwise), the pool every file read and save also waits for; each takes ~32 MiB and
 * 100–300 ms of a core. So a login is refused before any hashing unless its address may try
 * (addressThrottle.ts) and the whole server has budget left (a burst, then checksPerMinute);
 * admitted checks run `hashesAtOnce` at a time, with a short line behind them. Unknown user
 * names are checked against a dummy hash through the same gate, so they cost what a wrong
 * password costs, in time and in budget.
 */
const BURST_CHECKS = 10;
const MAX_WAITING_CHECKS = 4;
const BUSY_RETRY_MS = 1000;

export interface LoginLimits {
  hashesAtOnce: number;
  checksPerMinute: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { hashesAtOnce: 1, checksPerMinute: 60 };

export interface AdmittedLogin {
  admitted: true;
  /** Waits for a hashing place, then checks. */
  checkPassword(password: string, storedHash: string): Promise<boolean>;
  /** Once per admission, whatever happened: counts a failure against the address, or not. */
  finish(outcome: AttemptOutcome): void;
}

/** `address`: this client tried too often (429); `busy`: the server's budget is spent for now (503). */
export type LoginAdmission = AdmittedLogin | { admitted: false; reason: 'address' | 'busy'; retryAfterMs: number };

export class LoginGate {
  private readonly addresses = new AddressThrottle();
  private readonly budget: TokenBucket;
  private readonly hashing: BoundedSemaphore;

  constructor(limits: LoginLimits) {
    this.budget = new TokenBucket(BURST_CHECKS, limits.checksPerMinute, performance.now());
    this.hashing = new BoundedSemaphore(limits.hashesAtOnce, MAX_WAITING_CHECKS);
  }

  /** Decides at once, before any hashing; everything it counts is counted before it returns. */
  admit(address: string): LoginAdmission {
    const byAddress = this.addresses.admit(address);
    if (!byAddress.admitted) return { admitted: false, reason: 'address', retryAfterMs: byAddress.retryAfterMs };
    const budgetWaitMs = this.hashing.isFull ? BUSY_RETRY_MS : this.budget.take(performance.now());
    if (budgetWaitMs > 0) {
      byAddress.finish('not-checked');
      return { admitted: false, reason: 'busy', retryAfterMs: Math.max(BUSY_RETRY_MS, budgetWaitMs) };
    }
    const place = this.hashing.enter();
    return {
      admitted: true,
      checkPassword: async (password, storedHash) => {
        const release = await place;
        try {
          return await verifyPassword(password, storedHash);
        } finally {
          release();
        }
      },
      finish: (outcome) => {
        byAddress.finish(outcome);
        void place.then((release) => release());
      },
    };
  }
}
