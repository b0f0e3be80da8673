/**
 * Seeded pseudo-random numbers (mulberry32, public domain): the synthetic city must be the same
 * bytes on every machine, so that figures from two runs describe the same data.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return Math.min(max, min + Math.floor((max - min + 1) * this.next()));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.min(items.length - 1, Math.floor(this.next() * items.length))] as T;
  }

  /** Index drawn in proportion to `weights`. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = this.next() * total;
    for (let index = 0; index < weights.length; index++) {
      target -= weights[index] ?? 0;
      if (target < 0) return index;
    }
    return weights.length - 1;
  }
}
