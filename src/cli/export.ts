import { writeFile } from 'node:fs/promises';
import { measureLayer } from '../domain/measure/measuredLayer';
import { exportLayer } from '../domain/export/exportLayer';
import type { ExportScope } from '../domain/export/exportIndexes';
import { GeodataError } from '../data/parseGeodata';
import { readGeodataDirectory } from '../data/readGeodataDirectory';
import { EXPORT_USAGE, parseExportArguments } from './exportArguments';
import { todayIsoDate } from '../domain/dates/todayIsoDate';

/**
 * `npm run export`: one layer of a geodata directory, whole or filtered as in the app, as GeoJSON
 * (WGS 84 or a CGCS2000 Gauss-Krüger zone) or CSV, through the same domain code as the app's
 * export dialog. The file goes to --out or standard output; what was written goes to stderr.
 */

const EXIT_NO_ZONE = 1;
const EXIT_BAD_INPUT = 2;


function fail(chinese: string, english: string, detail: string, code = EXIT_BAD_INPUT, hint = ''): never {
  process.stderr.write(`错误 Error: ${chinese} / ${english}: ${detail}\n${hint}`);
  process.exit(code);
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseExportArguments(argv);
  if (!parsed.ok) fail('参数不正确', 'bad arguments', parsed.message, EXIT_BAD_INPUT, `用法 Usage: ${EXPORT_USAGE}\n`);
  const options = parsed.value;
  if (options.help) {
    process.stdout.write(`用法 Usage: ${EXPORT_USAGE}\n`);
    return;
  }
  const { manifest, layers } = await readGeodataDirectory(options.directory);
  const loaded = layers.find((layer) => layer.definition.id === options.layerId);
  if (!loaded) fail('没有这个图层', 'no such layer', `${options.layerId} (${manifest.layers.map((layer) => layer.id).join(', ')})`);
  const today = todayIsoDate();
  const filtered = options.statuses.length > 0 || options.streets.length > 0 || options.asOfDate !== null;
  const asOfDate = options.asOfDate ?? today;
  const scope: ExportScope = filtered ? { kind: 'filtered', filter: { statuses: options.statuses, streets: options.streets }, asOfDate } : { kind: 'layer' };
  const result = exportLayer(measureLayer(loaded.definition, loaded.collection), {
    format: options.format,
    scope,
    locale: options.locale,
    csvLabels: options.labels ?? options.locale,
    date: filtered ? asOfDate : today,
    ...(options.asOfDate !== null && options.asOfDate !== today ? { statusAsOfDate: options.asOfDate } : {}),
  });
  if (!result.ok) fail('无法确定高斯-克吕格投影带', 'no Gauss-Krüger zone', '所选项目没有几何图形或不在东经 75°–135° / the features have no geometry or lie outside 75°E–135°E', EXIT_NO_ZONE);
  const { file } = result;
  if (options.out === null) process.stdout.write(file.text);
  else await writeFile(options.out, file.text, 'utf8');
  const crs = file.epsg === undefined ? '' : `，坐标系 EPSG:${file.epsg} / CRS EPSG:${file.epsg}`;
  process.stderr.write(`已导出 ${file.featureCount} 个项目 / exported ${file.featureCount} features${crs} → ${options.out ?? 'stdout'} (${file.fileName})\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof GeodataError) fail('数据文件无法使用', 'cannot use geodata', error.message);
  process.stderr.write(`内部错误 / Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT_BAD_INPUT);
});
