import { verifyPassword } from '../../data/accounts/passwordHash';
import type { AttemptOutcome } from './addressThrottle';
import { BoundedSemaphore } from './boundedSemaphore';
import { BUSY_RETRY_MS, type LoginLedger } from './loginLedger';
import { MemoryLoginLedger } from './memoryLoginLedger';

/*
 * Password checks are scrypt on Node's thread pool (4 threads unless UV_THREADPOOL_SIZE says
 * otherwise), the pool every file read and save also waits for; each takes ~32 MiB and
 * 100–300 ms of a core. So a login is refused before any hashing unless its address may try
 * (addressThrottle.ts) and the whole server has budget left (a burst, then checksPerMinute);
 * admitted checks run `hashesAtOnce` at a time, with a short line behind them. Unknown user
 * names are checked against a dummy hash through the same gate, so they cost what a wrong
 * password costs, in time and in budget. The address counts and the budget are the ledger's:
 * this process's, or in database mode the bureau's (postgresLoginLedger.ts). The hashing places
 * are always this process's own, since they guard its own thread pool.
 */
const MAX_WAITING_CHECKS = 4;

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
  finish(outcome: AttemptOutcome): Promise<void>;
}

/** `address`: this client tried too often (429); `busy`: the server's budget is spent for now (503). */
export type LoginAdmission = AdmittedLogin | { admitted: false; reason: 'address' | 'busy'; retryAfterMs: number };

export class LoginGate {
  private readonly hashing: BoundedSemaphore;
  private readonly ledger: LoginLedger;

  constructor(limits: LoginLimits, ledger?: LoginLedger) {
    this.hashing = new BoundedSemaphore(limits.hashesAtOnce, MAX_WAITING_CHECKS);
    this.ledger = ledger ?? new MemoryLoginLedger(limits.checksPerMinute);
  }

  /** Decides before any hashing; everything it counts is counted before it resolves. */
  async admit(address: string): Promise<LoginAdmission> {
    const counted = await this.ledger.admit(address, this.hashing.isFull);
    if (!counted.admitted) return counted;
    // The ledger may have answered after a database round trip, while other logins took places.
    if (this.hashing.isFull) {
      await counted.finish('not-checked');
      return { admitted: false, reason: 'busy', retryAfterMs: BUSY_RETRY_MS };
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
      finish: async (outcome) => {
        void place.then((release) => release());
        await counted.finish(outcome);
      },
    };
  }
}
