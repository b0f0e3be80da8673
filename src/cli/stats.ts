import { stat } from 'node:fs/promises';
import { districtStats } from '../domain/progress/districtStats';
import { measureLayer } from '../domain/measure/measuredLayer';
import { GeodataError } from '../data/parseGeodata';
import { readGeodataDirectory } from '../data/readGeodataDirectory';
import { readValidatedGeometries } from './statsValidatedFile';
import { datumShiftOption } from './datumShiftOption';
import { parseStatsArguments, STATS_USAGE } from './statsArguments';
import { districtJson, geometriesJson } from './statsJson';
import { districtTable, fileTable } from './statsTable';
import { todayIsoDate } from '../domain/dates/todayIsoDate';
import { readControlLines } from '../data/readControlLines';
import { planConflicts } from '../domain/control/planConflicts';
import { conflictsJson } from './conflictsJson';
import { conflictsTable } from './conflictsTable';
import { projectWarnings } from '../domain/progress/projectWarnings';
import { readCity } from '../data/city/readCity';
import { readCityPage } from '../data/city/readCityPage';
import { cityTable } from './cityTable';

/** `npm run stats`: counts, areas, lengths and target progress of a geodata directory or a file. */

const EXIT_BAD_INPUT = 2;


/** One line, Chinese then English, e.g. "错误 Error: 找不到路径 / path not found: geodata". */
function fail(chinese: string, english: string, detail: string, hint = ''): never {
  process.stderr.write(`错误 Error: ${chinese} / ${english}: ${detail}\n${hint}`);
  process.exit(EXIT_BAD_INPUT);
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseStatsArguments(argv);
  if (!parsed.ok) fail('参数不正确', 'bad arguments', parsed.message, `用法 Usage: ${STATS_USAGE}\n`);
  const { json, help, path, asOfDate, sourceLayer, crs, datumShift } = parsed.value;
  if (help) {
    process.stdout.write(`用法 Usage: ${STATS_USAGE}\n`);
    return;
  }
  if (parsed.value.city !== undefined) {
    // Districts kept in the database are read there, as the server reads them (docs/database.md).
    const city = await readCity(parsed.value.city, process.env.PLAN_MAP_DATABASE_URL);
    try {
      const page = await readCityPage(city, asOfDate ?? todayIsoDate());
      process.stdout.write(json ? `${JSON.stringify(page)}\n` : cityTable(page));
    } finally {
      await city.close();
    }
    return;
  }
  const kind = await stat(path).then(
    (info) => (info.isDirectory() ? 'directory' : 'file'),
    () => null,
  );
  if (kind === null) fail('找不到路径', 'path not found', path);

  let output: string;
  if (kind === 'directory' && (sourceLayer !== null || crs !== null)) fail('参数不正确', 'bad arguments', '--source-layer and --crs apply to a single file');
  if (kind === 'directory') {
    const { manifest, layers } = await readGeodataDirectory(path);
    const measured = layers.map(({ definition, collection }) => measureLayer(definition, collection));
    const day = asOfDate ?? todayIsoDate();
    const stats = districtStats(manifest, measured, { layers: {} }, day);
    const warnings = Object.fromEntries(measured.map((layer) => [layer.definition.id, projectWarnings(layer, day)]));
    const controlLines = await readControlLines(path, manifest);
    const conflicts = planConflicts(measured, controlLines);
    output = json
      ? `${JSON.stringify({ ...districtJson(stats, warnings), conflicts: conflictsJson(controlLines, conflicts) })}\n`
      : `${districtTable(manifest, stats, warnings)}${conflictsTable(controlLines, conflicts)}`;
  } else {
    const datumShiftChoice = datumShift ? await datumShiftOption(datumShift, path, false).catch((error: unknown) => fail('转换参数无法使用', 'cannot use the datum shift', error instanceof Error ? error.message : String(error))) : undefined;
    const loaded = await readValidatedGeometries(path, { sourceLayer, crs, ...(datumShiftChoice ? { datumShift: datumShiftChoice } : {}) });
    if (!loaded.ok) fail('数据文件无法使用', 'cannot use geodata', loaded.summary, loaded.details);
    const shift = loaded.datumShift ? { zh: `经转换参数“${loaded.datumShift}” `, en: ` with the datum shift "${loaded.datumShift}"` } : { zh: '', en: '' };
    if (loaded.reprojectedFrom) process.stderr.write(`注意 Note: 坐标已从 ${loaded.reprojectedFrom} ${shift.zh}转换为经纬度后再量算 / measured after reprojecting from ${loaded.reprojectedFrom}${shift.en} to lon/lat\n`);
    const measure = geometriesJson(loaded.geometries);
    output = json ? `${JSON.stringify(measure)}\n` : fileTable(path, measure);
  }
  process.stdout.write(output);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof GeodataError) fail('数据文件无法使用', 'cannot use geodata', error.message);
  process.stderr.write(`内部错误 / Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
