export type Release = () => void;

/** At most `limit` holders at once and at most `maxWaiting` in line behind them. */
export class BoundedSemaphore {
  private holders = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
  ) {}

  get isFull(): boolean {
    return this.holders >= this.limit && this.waiting.length >= this.maxWaiting;
  }

  /**
   * Takes a place at once (holding or in line; check isFull first) and resolves when it holds,
   * with the function that gives the place back: call it once done, more calls do nothing.
   */
  enter(): Promise<Release> {
    if (this.isFull) return Promise.reject(new Error('BoundedSemaphore: no place left'));
    return new Promise((resolveHeld) => {
      const hold = (): void => {
        this.holders += 1;
        resolveHeld(this.releaser());
      };
      if (this.holders < this.limit) hold();
      else this.waiting.push(hold);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      this.waiting.shift()?.();
    };
  }
}
