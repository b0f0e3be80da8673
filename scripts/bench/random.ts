import { Random } from '../sample/random';

/**
 * Seeded pseudo-random numbers (the sample generator's mulberry32): the synthetic city must be the
 * same bytes on every machine, so that figures from two runs describe the same data.
 */
export class SeededRandom extends Random {
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
