/** Command-line arguments of `npm run validate`. */
export interface ValidateArguments {
  /** A geodata directory (layers.json + layer files) or one GeoJSON file. */
  path: string;
  /** Check a single file as this plan layer, attributes included. */
  layerId: string | null;
  json: boolean;
  help: boolean;
  /** CRS the coordinates are in, e.g. EPSG:4543, when the file does not say. */
  crs: string | null;
  /** Convert lon/lat from a Chinese web map's datum to WGS 84. */
  from: 'gcj02' | 'bd09' | null;
  /** A profile of the geodata folder's datum-shifts.json, for a datum without a known shift to CGCS2000. */
  datumShift: string | null;
  /** The table (GeoPackage), CAD layer (DXF) or sheet (Excel) of a file that holds several. */
  sourceLayer: string | null;
}

export type ParsedValidateArguments = { ok: true; value: ValidateArguments } | { ok: false; message: string };

export const VALIDATE_USAGE =
  'npm run --silent validate -- <file|directory> [--layer <layer-id>] [--source-layer <table|layer|sheet>] [--json] [--crs EPSG:xxxx] [--datum-shift <profile>] [--from gcj02|bd09]   (file: GeoJSON, .gpkg, .dxf, .csv, .xlsx, .shp or zipped shapefile, KML/KMZ)';

const OPTIONS_WITH_VALUES = ['--layer', '--source-layer', '--crs', '--datum-shift', '--from'] as const;

export function parseValidateArguments(argv: readonly string[]): ParsedValidateArguments {
  const value: ValidateArguments = { path: '', layerId: null, json: false, help: false, crs: null, from: null, datumShift: null, sourceLayer: null };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const option = OPTIONS_WITH_VALUES.find((name) => argument === name || argument.startsWith(`${name}=`));
    if (argument === '--json') value.json = true;
    else if (argument === '--help' || argument === '-h') value.help = true;
    else if (option) {
      const given = argument === option ? argv[++index] : argument.slice(option.length + 1);
      if (given === undefined || given === '' || given.startsWith('--')) return { ok: false, message: `${option} needs a value` };
      if (option === '--layer') value.layerId = given;
      else if (option === '--source-layer') value.sourceLayer = given;
      else if (option === '--crs') value.crs = given;
      else if (option === '--datum-shift') value.datumShift = given;
      else if (given === 'gcj02' || given === 'bd09') value.from = given;
      else return { ok: false, message: `--from takes gcj02 or bd09, got ${JSON.stringify(given)}` };
    } else if (argument.startsWith('-') && argument !== '-') return { ok: false, message: `unknown option ${argument}` };
    else if (value.path !== '') return { ok: false, message: `only one path is allowed, got ${JSON.stringify(value.path)} and ${JSON.stringify(argument)}` };
    else value.path = argument;
  }
  if (!value.help && value.path === '') return { ok: false, message: 'a file or directory to validate is required' };
  return { ok: true, value };
}
