import { isCalendarDate } from '../domain/dates/isCalendarDate';
/** Command-line arguments of `npm run stats`. */
export interface StatsArguments {
  json: boolean;
  help: boolean;
  /** A geodata directory or a single GeoJSON file. */
  path: string;
  /** YYYY-MM-DD, or null for today. */
  asOfDate: string | null;
  /** The table (GeoPackage), CAD layer (DXF) or sheet (Excel) of a file that holds several. */
  sourceLayer: string | null;
  /** The CRS of a file's coordinates when it does not say (DXF, CSV, a GeoJSON without `crs`), e.g. EPSG:4545. */
  crs: string | null;
  /** A profile of the geodata folder's datum-shifts.json, for a datum without a known shift to CGCS2000. */
  datumShift: string | null;
  /** A folder with city.json: the districts' targets side by side instead of one district's stats. */
  city?: string;
}

export type ParsedStatsArguments = { ok: true; value: StatsArguments } | { ok: false; message: string };

export const STATS_USAGE =
  'npm run --silent stats -- [--json] [--as-of YYYY-MM-DD] [--source-layer <table|layer|sheet>] [--crs EPSG:xxxx] [--datum-shift <profile>] [path]   (path: geodata directory, or a file: GeoJSON, .gpkg, .dxf, .csv, .xlsx, .shp or zipped shapefile, KML/KMZ; default geodata)\n' +
  '       npm run --silent stats -- --city <folder with city.json> [--json] [--as-of YYYY-MM-DD]   (every district\'s targets side by side, with the city\'s)';

const OPTIONS_WITH_VALUES = ['--source-layer', '--crs', '--datum-shift', '--city'] as const;

const DEFAULT_PATH = 'geodata';
export function parseStatsArguments(argv: readonly string[]): ParsedStatsArguments {
  const value: StatsArguments = { json: false, help: false, path: DEFAULT_PATH, asOfDate: null, sourceLayer: null, crs: null, datumShift: null };
  let pathGiven = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--json') value.json = true;
    else if (argument === '--help' || argument === '-h') value.help = true;
    else if (argument === '--as-of' || argument.startsWith('--as-of=')) {
      const date = argument === '--as-of' ? argv[++index] : argument.slice('--as-of='.length);
      if (date === undefined || !isCalendarDate(date)) return { ok: false, message: `--as-of needs a date YYYY-MM-DD, got ${date === undefined ? 'nothing' : JSON.stringify(date)}` };
      value.asOfDate = date;
    } else if (OPTIONS_WITH_VALUES.some((name) => argument === name || argument.startsWith(`${name}=`))) {
      const option = OPTIONS_WITH_VALUES.find((name) => argument === name || argument.startsWith(`${name}=`)) ?? '--crs';
      const given = argument === option ? argv[++index] : argument.slice(option.length + 1);
      if (given === undefined || given === '' || given.startsWith('--')) return { ok: false, message: `${option} needs a value` };
      if (option === '--source-layer') value.sourceLayer = given;
      else if (option === '--datum-shift') value.datumShift = given;
      else if (option === '--city') value.city = given;
      else value.crs = given;
    } else if (argument.startsWith('-') && argument !== '-') return { ok: false, message: `unknown option ${argument}` };
    else if (pathGiven) return { ok: false, message: `only one path is allowed, got ${JSON.stringify(value.path)} and ${JSON.stringify(argument)}` };
    else {
      value.path = argument;
      pathGiven = true;
    }
  }
  if (value.city !== undefined && (pathGiven || value.sourceLayer !== null || value.crs !== null || value.datumShift !== null)) return { ok: false, message: '--city takes no path, --source-layer, --crs or --datum-shift: the districts are the folders city.json names' };
  return { ok: true, value };
}
