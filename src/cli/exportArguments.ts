import { isCalendarDate } from '../domain/dates/isCalendarDate';
import type { Locale } from '../domain/plan/manifest';
import type { ExportFormat } from '../domain/export/exportLayer';
import type { CsvLabels } from '../domain/export/exportCsvText';

/** Command-line arguments of `npm run export`. */
export interface ExportArguments {
  layerId: string;
  format: ExportFormat;
  /** Filters as the app applies them: one of these statuses (on asOfDate) and one of these sub-districts. */
  statuses: string[];
  streets: string[];
  /** YYYY-MM-DD whose statuses the filter judges; null is today. */
  asOfDate: string | null;
  locale: Locale;
  /** A CSV's headers and coded values: the layer's labels in a language, or codes; null follows `locale`. */
  labels: CsvLabels | null;
  /** The geodata directory. */
  directory: string;
  /** File to write; null writes to standard output. */
  out: string | null;
  help: boolean;
}

export type ParsedExportArguments = { ok: true; value: ExportArguments } | { ok: false; message: string };

export const EXPORT_USAGE =
  'npm run --silent export -- <layer-id> [--format geojson|csv] [--crs gk|gk-prefixed] [--status a,b] [--street x,y] [--as-of YYYY-MM-DD] [--lang zh|en] [--labels zh|en|codes] [--dir geodata] [--out file]';

const OPTIONS_WITH_VALUES = ['--format', '--crs', '--status', '--street', '--as-of', '--lang', '--labels', '--dir', '--out'] as const;
type Option = (typeof OPTIONS_WITH_VALUES)[number];

const list = (text: string): string[] => text.split(',').map((item) => item.trim()).filter((item) => item.length > 0);

export function parseExportArguments(argv: readonly string[]): ParsedExportArguments {
  const value: ExportArguments = { layerId: '', format: 'geojson', statuses: [], streets: [], asOfDate: null, locale: 'zh', labels: null, directory: 'geodata', out: null, help: false };
  const chosen: { file: 'geojson' | 'csv'; crs: 'wgs84' | 'gk' | 'gk-prefixed' } = { file: 'geojson', crs: 'wgs84' };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const option = OPTIONS_WITH_VALUES.find((name) => argument === name || argument.startsWith(`${name}=`));
    if (argument === '--help' || argument === '-h') value.help = true;
    else if (option) {
      const given = argument === option ? argv[++index] : argument.slice(option.length + 1);
      if (given === undefined || given === '' || given.startsWith('--')) return { ok: false, message: `${option} needs a value` };
      const problem = apply(option, given);
      if (problem) return { ok: false, message: problem };
    } else if (argument.startsWith('-') && argument !== '-') return { ok: false, message: `unknown option ${argument}` };
    else if (value.layerId !== '') return { ok: false, message: `only one layer id is allowed, got ${JSON.stringify(value.layerId)} and ${JSON.stringify(argument)}` };
    else value.layerId = argument;
  }
  if (value.help) return { ok: true, value };
  if (value.layerId === '') return { ok: false, message: 'a layer id is required' };
  if (chosen.file === 'csv' && chosen.crs !== 'wgs84') return { ok: false, message: '--crs applies to GeoJSON only; a CSV has no coordinates' };
  if (chosen.file !== 'csv' && value.labels !== null) return { ok: false, message: '--labels applies to CSV only; GeoJSON keeps the property names and ids of the data' };
  value.format = chosen.file === 'csv' ? 'csv' : chosen.crs === 'gk' ? 'gauss-kruger' : chosen.crs === 'gk-prefixed' ? 'gauss-kruger-prefixed' : 'geojson';
  return { ok: true, value };

  function apply(option: Option, given: string): string | undefined {
    switch (option) {
      case '--format':
        if (given !== 'geojson' && given !== 'csv') return `--format takes geojson or csv, got ${JSON.stringify(given)}`;
        chosen.file = given;
        return undefined;
      case '--crs':
        if (given !== 'gk' && given !== 'gk-prefixed' && given !== 'wgs84') return `--crs takes gk, gk-prefixed or wgs84, got ${JSON.stringify(given)}`;
        chosen.crs = given;
        return undefined;
      case '--status':
        value.statuses = list(given);
        return undefined;
      case '--street':
        value.streets = list(given);
        return undefined;
      case '--as-of':
        if (!isCalendarDate(given)) return `--as-of needs a date YYYY-MM-DD, got ${JSON.stringify(given)}`;
        value.asOfDate = given;
        return undefined;
      case '--lang':
        if (given !== 'zh' && given !== 'en') return `--lang takes zh or en, got ${JSON.stringify(given)}`;
        value.locale = given;
        return undefined;
      case '--labels':
        if (given !== 'zh' && given !== 'en' && given !== 'codes') return `--labels takes zh, en or codes, got ${JSON.stringify(given)}`;
        value.labels = given;
        return undefined;
      case '--dir':
        value.directory = given;
        return undefined;
      case '--out':
        value.out = given;
        return undefined;
    }
  }
}
