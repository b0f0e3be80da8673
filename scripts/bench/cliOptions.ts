export interface BenchOptions {
  sizes: number[];
  /** Repetitions per contender at each size (interleaved); `repsAt250k` caps the largest. */
  repetitions: number;
  repsForLargest: number | null;
  json: boolean;
  quick: boolean;
  seed: number;
  /** Per page-load and per-interaction timeout. */
  timeoutMs: number;
  skipRealDistrict: boolean;
  /** Points in the point-layer comparison (generatePointCity.ts); 0 skips it. */
  points: number;
  /** Parcels in each tile-latency run (runTiles.ts); empty skips them. */
  tileSizes: number[];
  /** Only the tile rows: no browser contenders, no area rows. */
  onlyTiles: boolean;
  /** The tiled layer in the browser too (runTileBrowser.ts), at each tile size: the app against MapLibre on the same tiles. */
  tileBrowser: boolean;
}

export const USAGE = `npm run bench -- [--sizes 10000,75000,250000] [--reps N] [--reps-largest N] [--seed N]
                    [--timeout-minutes N] [--points N] [--no-points] [--only-points] [--no-district] [--json] [--quick]
                    [--tile-sizes 1000000,5000000] [--only-tiles] [--tile-browser]`;

/** Parses `npm run bench -- …` arguments; throws with the usage on anything unknown. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [10000, 75000, 250000], repetitions: 3, repsForLargest: null, json: false, quick: false, seed: 1,
    timeoutMs: 10 * 60_000, skipRealDistrict: false, points: 100_000, tileSizes: [], onlyTiles: false, tileBrowser: false,
  };
  const positiveInteger = (flag: string, value: string | undefined): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} needs a positive integer\n${USAGE}`);
    return number;
  };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    switch (flag) {
      case '--sizes':
        options.sizes = (value ?? '').split(',').map((size) => positiveInteger('--sizes', size));
        index++;
        break;
      case '--reps': options.repetitions = positiveInteger(flag, value); index++; break;
      case '--reps-largest': options.repsForLargest = positiveInteger(flag, value); index++; break;
      case '--seed': options.seed = positiveInteger(flag, value); index++; break;
      case '--timeout-minutes': options.timeoutMs = positiveInteger(flag, value) * 60_000; index++; break;
      case '--no-district': options.skipRealDistrict = true; break;
      case '--points': options.points = positiveInteger(flag, value); index++; break;
      case '--no-points': options.points = 0; break;
      // The point-layer rows alone (and the area rows, which take seconds): no synthetic city, no district.
      case '--only-points': options.sizes = []; options.skipRealDistrict = true; break;
      case '--tile-sizes':
        options.tileSizes = (value ?? '').split(',').map((size) => positiveInteger('--tile-sizes', size));
        index++;
        break;
      // Server tile latency alone (PostgreSQL in .bench/postgres): no browser, no city.
      case '--only-tiles': options.onlyTiles = true; options.sizes = []; options.points = 0; options.skipRealDistrict = true; break;
      // Needs the built app (built when missing or stale); without it --only-tiles needs no build.
      case '--tile-browser': options.tileBrowser = true; break;
      case '--json': options.json = true; break;
      case '--quick': options.quick = true; break;
      case '--help': throw new Error(USAGE);
      default: throw new Error(`unknown option ${flag ?? ''}\n${USAGE}`);
    }
  }
  if ((options.onlyTiles || options.tileBrowser) && options.tileSizes.length === 0) options.tileSizes = [1_000_000];
  if (options.quick) {
    options.sizes = [10000];
    options.repetitions = 1;
  }
  return options;
}
