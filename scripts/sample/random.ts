/** Seeded pseudo-random numbers: the generator must write the same bytes on every run. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * An independent stream per concern, so that tuning one part of the generator does not
   * reshuffle every other part.
   */
  static forConcern(seed: number, concern: string): Random {
    return new Random(hashString(`${seed}:${concern}`));
  }

  /** Uniform in [0, 1). mulberry32 (Tommy Ettinger, public domain). */
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
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [result[i], result[j]] = [result[j] as T, result[i] as T];
    }
    return result;
  }
}

/** FNV-1a, 32 bit. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A smooth 1-D noise made of a few sines with random phases: cheap, deterministic and with a
 * known maximum slope, which keeps offset curves built on it free of folds.
 */
export function smoothNoise(random: Random, wavelengths: readonly number[], amplitude: number): (x: number) => number {
  const waves = wavelengths.map((wavelength) => ({
    frequency: (2 * Math.PI) / wavelength,
    phase: random.range(0, 2 * Math.PI),
    weight: random.range(0.6, 1),
  }));
  const total = waves.reduce((sum, wave) => sum + wave.weight, 0);
  return (x) => (amplitude * waves.reduce((sum, w) => sum + w.weight * Math.sin(w.frequency * x + w.phase), 0)) / total;
}

/** A well-mixed 32-bit hash of an integer (Chris Wellons' lowbias32). */
function mix(n: number): number {
  let x = n >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface Octave {
  spacingMeters: number;
  amplitude: number;
}

/**
 * Fractal value noise in 1-D: random values at evenly spaced knots, smoothly interpolated, summed
 * over octaves. Unlike sines it never repeats, which is what makes a shoreline look natural.
 * Knot values come from a hash, so the result does not depend on the order of calls.
 */
export function fractalNoise(random: Random, octaves: readonly Octave[]): (x: number) => number {
  const seeds = octaves.map(() => Math.floor(random.next() * 4294967296));
  return (x) =>
    octaves.reduce((sum, octave, k) => {
      const seed = seeds[k] ?? 0;
      const t = x / octave.spacingMeters;
      const i = Math.floor(t);
      const f = t - i;
      const knot = (j: number): number => (mix(seed ^ mix(j + 0x9e3779b9)) / 4294967296) * 2 - 1;
      const smooth = f * f * f * (f * (f * 6 - 15) + 10);
      return sum + octave.amplitude * (knot(i) + (knot(i + 1) - knot(i)) * smooth);
    }, 0);
}
