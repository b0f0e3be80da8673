import { isCalendarDate } from '../domain/dates/isCalendarDate';
/** Command-line arguments of `npm run stats`. */
export interface StatsArguments {
  json: boolean;
  help: boolean;
  /** A geodata directory or a single GeoJSON file. */
  path: string;
  /** YYYY-MM-DD, or null for today. */
  asOfDate: string | null;
  /** CRS of a single file's coordinates, e.g. EPSG:4543, when the file does not say. */
  crs: string | null;
  /** A profile of the geodata folder's datum-shifts.json, for a datum without a known shift to CGCS2000. */
  datumShift: string | null;
}

export type ParsedStatsArguments = { ok: true; value: StatsArguments } | { ok: false; message: string };

export const STATS_USAGE = 'npm run --silent stats -- [--json] [--as-of YYYY-MM-DD] [--crs EPSG:xxxx] [--datum-shift <profile>] [path]   (path: geodata directory or .geojson file, default geodata)';

const DEFAULT_PATH = 'geodata';
export function parseStatsArguments(argv: readonly string[]): ParsedStatsArguments {
  const value: StatsArguments = { json: false, help: false, path: DEFAULT_PATH, asOfDate: null, crs: null, datumShift: null };
  let pathGiven = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--json') value.json = true;
    else if (argument === '--help' || argument === '-h') value.help = true;
    else if (argument === '--as-of' || argument.startsWith('--as-of=')) {
      const date = argument === '--as-of' ? argv[++index] : argument.slice('--as-of='.length);
      if (date === undefined || !isCalendarDate(date)) return { ok: false, message: `--as-of needs a date YYYY-MM-DD, got ${date === undefined ? 'nothing' : JSON.stringify(date)}` };
      value.asOfDate = date;
    } else if (['--crs', '--datum-shift'].some((name) => argument === name || argument.startsWith(`${name}=`))) {
      const name = argument.startsWith('--crs') ? '--crs' : '--datum-shift';
      const given = argument === name ? argv[++index] : argument.slice(name.length + 1);
      if (given === undefined || given === '' || given.startsWith('--')) return { ok: false, message: `${name} needs a value` };
      if (name === '--crs') value.crs = given;
      else value.datumShift = given;
    } else if (argument.startsWith('-') && argument !== '-') return { ok: false, message: `unknown option ${argument}` };
    else if (pathGiven) return { ok: false, message: `only one path is allowed, got ${JSON.stringify(value.path)} and ${JSON.stringify(argument)}` };
    else {
      value.path = argument;
      pathGiven = true;
    }
  }
  return { ok: true, value };
}
