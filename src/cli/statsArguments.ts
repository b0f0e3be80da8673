import { isCalendarDate } from '../domain/dates/isCalendarDate';
/** Command-line arguments of `npm run stats`. */
export interface StatsArguments {
  json: boolean;
  help: boolean;
  /** A geodata directory or a single GeoJSON file. */
  path: string;
  /** YYYY-MM-DD, or null for today. */
  asOfDate: string | null;
}

export type ParsedStatsArguments = { ok: true; value: StatsArguments } | { ok: false; message: string };

export const STATS_USAGE = 'npm run --silent stats -- [--json] [--as-of YYYY-MM-DD] [path]   (path: geodata directory or .geojson file, default geodata)';

const DEFAULT_PATH = 'geodata';
export function parseStatsArguments(argv: readonly string[]): ParsedStatsArguments {
  const value: StatsArguments = { json: false, help: false, path: DEFAULT_PATH, asOfDate: null };
  let pathGiven = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--json') value.json = true;
    else if (argument === '--help' || argument === '-h') value.help = true;
    else if (argument === '--as-of' || argument.startsWith('--as-of=')) {
      const date = argument === '--as-of' ? argv[++index] : argument.slice('--as-of='.length);
      if (date === undefined || !isCalendarDate(date)) return { ok: false, message: `--as-of needs a date YYYY-MM-DD, got ${date === undefined ? 'nothing' : JSON.stringify(date)}` };
      value.asOfDate = date;
    } else if (argument.startsWith('-') && argument !== '-') return { ok: false, message: `unknown option ${argument}` };
    else if (pathGiven) return { ok: false, message: `only one path is allowed, got ${JSON.stringify(value.path)} and ${JSON.stringify(argument)}` };
    else {
      value.path = argument;
      pathGiven = true;
    }
  }
  return { ok: true, value };
}
