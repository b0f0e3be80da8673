import { AddressThrottle } from './addressThrottle';
import { BURST_CHECKS, BUSY_RETRY_MS, busyRefusal, type LedgerAdmission, type LoginLedger } from './loginLedger';
import { TokenBucket } from './tokenBucket';

/** Sign-in counts in this process's memory (file mode: one server; a restart forgets). */
export class MemoryLoginLedger implements LoginLedger {
  private readonly addresses = new AddressThrottle();
  private readonly budget: TokenBucket;

  constructor(checksPerMinute: number) {
    this.budget = new TokenBucket(BURST_CHECKS, checksPerMinute, performance.now());
  }

  // async for the interface only: everything is decided and counted before the first await, as the attempt arrives.
  async admit(address: string, hashingFull: boolean): Promise<LedgerAdmission> {
    const byAddress = this.addresses.admit(address);
    if (!byAddress.admitted) return { admitted: false, reason: 'address', retryAfterMs: byAddress.retryAfterMs };
    const budgetWaitMs = hashingFull ? BUSY_RETRY_MS : this.budget.take(performance.now());
    if (budgetWaitMs > 0) {
      byAddress.finish('not-checked');
      return busyRefusal(budgetWaitMs);
    }
    return { admitted: true, finish: async (outcome) => byAddress.finish(outcome) };
  }
}
