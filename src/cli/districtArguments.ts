import { isCalendarDate } from '../domain/dates/isCalendarDate';
import type { LocalizedText } from '../domain/plan/manifest';

/** `npm run district -- init ...`: what the user asked for. */
export interface DistrictInitArguments {
  boundary: string;
  from?: 'gcj02' | 'bd09';
  crs?: string;
  /** A datum-shift profile for a boundary on a datum with no known shift (Xi'an 1980, Beijing 1954): a name in `datumShifts`, or a datum-shifts.json path holding one profile. */
  datumShift?: string;
  /** The datum-shifts.json in which `datumShift` names a profile. */
  datumShifts?: string;
  streets?: string;
  streetField?: string;
  name: string;
  nameEn?: string;
  planStart?: string;
  planEnd?: string;
  basemap?: string;
  out: string;
}

/** `npm run district -- bounds ...`: the extent of a boundary, for cutting a basemap extract. */
export type DistrictBoundsArguments = Pick<DistrictInitArguments, 'boundary' | 'from' | 'crs' | 'datumShift' | 'datumShifts'>;

export type ParsedDistrictArguments =
  | { ok: true; help: true }
  | { ok: true; help: false; command: 'init'; value: DistrictInitArguments }
  | { ok: true; help: false; command: 'bounds'; value: DistrictBoundsArguments }
  | { ok: false; message: LocalizedText };

export const DISTRICT_USAGE = 'npm run --silent district -- bounds --boundary <file> [--from gcj02|bd09] [--crs EPSG:xxxx] [--datum-shift <profile.json> | --datum-shift <name> --datum-shifts <datum-shifts.json>]\n       npm run --silent district -- init --boundary <file> [--from gcj02|bd09] [--crs EPSG:xxxx] [--datum-shift <profile.json> | --datum-shift <name> --datum-shifts <datum-shifts.json>] [--streets <file> --street-field <property>] --name <中文名> [--name-en <English name>] [--plan-start YYYY-MM-DD --plan-end YYYY-MM-DD] [--basemap <file.pmtiles>] --out <dir>';

const OPTIONS = {
  '--boundary': 'boundary',
  '--from': 'from',
  '--crs': 'crs',
  '--datum-shift': 'datumShift',
  '--datum-shifts': 'datumShifts',
  '--streets': 'streets',
  '--street-field': 'streetField',
  '--name': 'name',
  '--name-en': 'nameEn',
  '--plan-start': 'planStart',
  '--plan-end': 'planEnd',
  '--basemap': 'basemap',
  '--out': 'out',
} as const satisfies Record<string, keyof DistrictInitArguments>;

type OptionName = keyof typeof OPTIONS;
const isOption = (argument: string): argument is OptionName => Object.hasOwn(OPTIONS, argument);
const bad = (zh: string, en: string): ParsedDistrictArguments => ({ ok: false, message: { zh, en } });

/** Reads `init` and its options (`--name value` or `--name=value`); every mistake is named with its fix. */
export function parseDistrictArguments(argv: readonly string[]): ParsedDistrictArguments {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { ok: true, help: true };
  if (command !== 'init' && command !== 'bounds') return bad(`未知的子命令 ${JSON.stringify(command)}；可用 init 或 bounds`, `unknown command ${JSON.stringify(command)}; use init or bounds`);
  const given: Partial<Record<keyof DistrictInitArguments, string>> = {};
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index] ?? '';
    if (argument === '--help' || argument === '-h') return { ok: true, help: true };
    const equals = argument.indexOf('=');
    const option = equals > 0 ? argument.slice(0, equals) : argument;
    if (!isOption(option)) return bad(`未知的参数 ${argument}`, `unknown option ${argument}`);
    const value = equals > 0 ? argument.slice(equals + 1) : rest[++index];
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) return bad(`${option} 后面缺少取值`, `${option} needs a value`);
    if (given[OPTIONS[option]] !== undefined) return bad(`${option} 只能给一次`, `${option} may be given only once`);
    given[OPTIONS[option]] = value;
  }
  const { boundary, name, out, from, planStart, planEnd, streets, streetField } = given;
  if (boundary === undefined) return bad('缺少 --boundary：请给出区界文件（GeoJSON、压缩的 Shapefile、KML）', 'missing --boundary: give the district boundary file (GeoJSON, zipped shapefile, KML)');
  if (from !== undefined && from !== 'gcj02' && from !== 'bd09') return bad(`--from 只能是 gcj02 或 bd09，收到 ${JSON.stringify(from)}`, `--from takes gcj02 or bd09, got ${JSON.stringify(from)}`);
  const source: DistrictBoundsArguments = { boundary };
  if (from === 'gcj02' || from === 'bd09') source.from = from;
  if (given.crs !== undefined) source.crs = given.crs;
  if (given.datumShifts !== undefined && given.datumShift === undefined)
    return bad('--datum-shifts 要与 --datum-shift <参数名> 一起给：文件中哪一组参数', '--datum-shifts goes with --datum-shift <name>: which profile of the file');
  if (given.datumShift !== undefined) source.datumShift = given.datumShift;
  if (given.datumShifts !== undefined) source.datumShifts = given.datumShifts;
  if (command === 'bounds') {
    const extra = Object.keys(given).find((key) => !['boundary', 'from', 'crs', 'datumShift', 'datumShifts'].includes(key));
    if (extra) return bad('bounds 只接受 --boundary、--from、--crs、--datum-shift 和 --datum-shifts', 'bounds takes only --boundary, --from, --crs, --datum-shift and --datum-shifts');
    return { ok: true, help: false, command, value: source };
  }
  if (name === undefined) return bad('缺少 --name：请给出区的中文名称，如 --name 湖滨区', 'missing --name: give the district\'s Chinese name, e.g. --name 湖滨区');
  if (out === undefined) return bad('缺少 --out：请给出要新建的数据文件夹，如 --out ./my-district', 'missing --out: give the data folder to create, e.g. --out ./my-district');
  if ((streets === undefined) !== (streetField === undefined))
    return bad('--streets 和 --street-field 要一起给：街道文件，以及其中存放街道名称的属性名', '--streets and --street-field go together: the sub-district file and the property that holds each name');
  for (const [option, date] of [['--plan-start', planStart], ['--plan-end', planEnd]] as const) {
    if (date !== undefined && !isCalendarDate(date)) return bad(`${option} 需要日期 YYYY-MM-DD，收到 ${JSON.stringify(date)}`, `${option} needs a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  if ((planStart === undefined) !== (planEnd === undefined)) return bad('--plan-start 和 --plan-end 要一起给', '--plan-start and --plan-end go together');
  if (planStart !== undefined && planEnd !== undefined && planEnd <= planStart) return bad(`规划期结束日 ${planEnd} 应晚于开始日 ${planStart}`, `the plan's end ${planEnd} must come after its start ${planStart}`);
  const value: DistrictInitArguments = { ...source, name, out };
  for (const key of ['streets', 'streetField', 'nameEn', 'planStart', 'planEnd', 'basemap'] as const) {
    const optional = given[key];
    if (optional !== undefined) value[key] = optional;
  }
  return { ok: true, help: false, command, value };
}
