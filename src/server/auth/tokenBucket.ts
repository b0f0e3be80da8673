/** A rate limit that allows a burst of `capacity` and then `perMinute` on average. */
export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;
  private readonly tokensPerMs: number;

  constructor(
    private readonly capacity: number,
    perMinute: number,
    nowMs: number,
    /** A bucket carried over (the database's row); a new one starts full. */
    tokens = capacity,
  ) {
    this.tokens = tokens;
    this.updatedAtMs = nowMs;
    this.tokensPerMs = perMinute / 60_000;
  }

  /** What to carry over: the tokens left and when they were counted. */
  get state(): { tokens: number; updatedAtMs: number } {
    return { tokens: this.tokens, updatedAtMs: this.updatedAtMs };
  }

  /** Takes a token and returns 0, or takes nothing and returns the milliseconds until one is there. */
  take(nowMs: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, nowMs - this.updatedAtMs) * this.tokensPerMs);
    this.updatedAtMs = Math.max(this.updatedAtMs, nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.tokensPerMs);
  }
}
