import type pg from 'pg';
import { inTransaction, type PlanDatabase } from '../../data/postgres/planDatabase';
import { addressBlockKey } from '../auth/addressBlockKey';
import { addressForgetsAt, addressRefusal, countAttempt, FORGET_AFTER_MS, type AddressState, type AttemptOutcome } from '../auth/addressThrottle';
import { BURST_CHECKS, BUSY_RETRY_MS, busyRefusal, type LedgerAdmission, type LoginLedger } from '../auth/loginLedger';
import { TokenBucket } from '../auth/tokenBucket';
import { DATABASE_NOW_MS } from './databaseNowMs';

/**
 * An attempt still under way after this long was left by a server that stopped mid-check: it no
 * longer counts. A real check, line included, ends within seconds.
 */
const ATTEMPT_STALE_MS = 2 * 60 * 1000;
/** How often one server clears rows nobody needs any more (forgotten addresses, stale attempts). */
const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Locks the address's row (made if missing) until the transaction ends, so attempts from one
 * address through any server are decided one after another, then reads its state as it is once
 * the lock is held. An address whose failures are forgotten starts afresh, as in memory.
 */
async function lockedAddress(client: pg.PoolClient, key: string): Promise<{ state: AddressState; nowMs: number }> {
  await client.query('INSERT INTO login_address (address_block) VALUES ($1) ON CONFLICT (address_block) DO UPDATE SET address_block = EXCLUDED.address_block', [key]);
  const { rows } = await client.query<{ failures: number; blocked_until_ms: string; last_failure_ms: string; now_ms: string; in_flight: string }>(
    `SELECT failures, blocked_until_ms, last_failure_ms, ${DATABASE_NOW_MS} AS now_ms,
       (SELECT count(*) FROM login_attempt WHERE address_block = $1 AND started_ms > ${DATABASE_NOW_MS} - $2) AS in_flight
     FROM login_address WHERE address_block = $1`,
    [key, ATTEMPT_STALE_MS],
  );
  const row = rows[0];
  if (!row) throw new Error(`login_address row missing under its lock: ${key}`);
  const nowMs = Number(row.now_ms);
  const state: AddressState = { failures: row.failures, inFlight: Number(row.in_flight), blockedUntil: Number(row.blocked_until_ms), lastFailureAt: Number(row.last_failure_ms) };
  if (state.inFlight === 0 && state.failures > 0 && nowMs >= addressForgetsAt(state)) {
    Object.assign(state, { failures: 0, blockedUntil: 0, lastFailureAt: 0 });
    await writeAddress(client, key, state);
  }
  return { state, nowMs };
}

async function writeAddress(client: pg.PoolClient, key: string, state: AddressState): Promise<void> {
  await client.query('UPDATE login_address SET failures = $2, blocked_until_ms = $3, last_failure_ms = $4 WHERE address_block = $1', [key, state.failures, state.blockedUntil, state.lastFailureAt]);
}

/** Takes one check from the bureau's budget under the row's lock; 0, or the wait until one is there. */
async function takeFromBudget(client: pg.PoolClient, checksPerMinute: number, nowMs: number): Promise<number> {
  await client.query('INSERT INTO login_budget (singleton, tokens, updated_ms) VALUES (true, $1, $2) ON CONFLICT (singleton) DO UPDATE SET singleton = true', [BURST_CHECKS, nowMs]);
  const { rows } = await client.query<{ tokens: number; updated_ms: string }>('SELECT tokens, updated_ms FROM login_budget');
  const stored = rows[0];
  const bucket = new TokenBucket(BURST_CHECKS, checksPerMinute, Number(stored?.updated_ms ?? nowMs), stored?.tokens ?? BURST_CHECKS);
  const waitMs = bucket.take(nowMs);
  await client.query('UPDATE login_budget SET tokens = $1, updated_ms = $2', [bucket.state.tokens, bucket.state.updatedAtMs]);
  return waitMs;
}

/**
 * Sign-in throttling for the bureau (migration 002): every server on the database counts each
 * address's failures and attempts under way, and draws on the one budget of password checks, so
 * guesses spread over servers are slowed as one server would slow them. Each decision is one
 * transaction holding the address's row lock, then the budget row's (always in that order).
 */
export class PostgresLoginLedger implements LoginLedger {
  private lastSweepMs = 0;

  constructor(
    private readonly database: PlanDatabase,
    private readonly checksPerMinute: number,
  ) {}

  async admit(address: string, hashingFull: boolean): Promise<LedgerAdmission> {
    const key = addressBlockKey(address);
    this.sweepNowAndThen();
    return inTransaction(this.database.pool, async (client): Promise<LedgerAdmission> => {
      const { state, nowMs } = await lockedAddress(client, key);
      const retryAfterMs = addressRefusal(state, nowMs);
      if (retryAfterMs !== undefined) return { admitted: false, reason: 'address', retryAfterMs };
      if (hashingFull) return busyRefusal(BUSY_RETRY_MS);
      const budgetWaitMs = await takeFromBudget(client, this.checksPerMinute, nowMs);
      if (budgetWaitMs > 0) return busyRefusal(budgetWaitMs);
      const { rows } = await client.query<{ id: string }>('INSERT INTO login_attempt (address_block, started_ms) VALUES ($1, $2) RETURNING id', [key, nowMs]);
      const attemptId = rows[0]?.id;
      let finished = false;
      return {
        admitted: true,
        finish: async (outcome) => {
          if (finished) return;
          finished = true;
          await this.finish(key, attemptId, outcome);
        },
      };
    });
  }

  private async finish(key: string, attemptId: string | undefined, outcome: AttemptOutcome): Promise<void> {
    await inTransaction(this.database.pool, async (client) => {
      const { state, nowMs } = await lockedAddress(client, key);
      await client.query('DELETE FROM login_attempt WHERE id = $1', [attemptId]);
      countAttempt(state, outcome, nowMs);
      if (state.inFlight <= 0 && state.failures === 0) await client.query('DELETE FROM login_address WHERE address_block = $1', [key]);
      else await writeAddress(client, key, state);
    });
  }

  /**
   * Clears what no decision needs any more, at most once a minute from this server and not in
   * any attempt's way. Two servers sweeping at once may deadlock on rows; PostgreSQL ends one,
   * and the next sweep does its part, so a failed sweep is let go.
   */
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweepMs < SWEEP_EVERY_MS) return;
    this.lastSweepMs = now;
    const { pool } = this.database;
    void (async () => {
      await pool.query(`DELETE FROM login_attempt WHERE started_ms <= ${DATABASE_NOW_MS} - $1`, [ATTEMPT_STALE_MS]);
      await pool.query(
        `DELETE FROM login_address a WHERE greatest(blocked_until_ms, last_failure_ms) + $1 <= ${DATABASE_NOW_MS}
           AND NOT EXISTS (SELECT 1 FROM login_attempt t WHERE t.address_block = a.address_block)`,
        [FORGET_AFTER_MS],
      );
    })().catch(() => undefined);
  }
}
