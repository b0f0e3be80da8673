import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { coordinateValue } from '../../domain/import/coordinateValue';
import { geometryFromWkt } from '../../domain/import/geometryFromWkt';
import { guessTableColumns, type TableCell, type TableColumns } from '../../domain/import/tableColumns';
import { quoteValue, safeText } from '../../domain/validation/safeText';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportFormat, ImportLayer } from './importResult';

/*
 * A table of a ledger (CSV, an Excel sheet) to features: the first non-empty row is the header,
 * every later row a feature, its geometry from two coordinate columns (a point) or a WKT column,
 * every other column a property. The coordinate columns are guessed (tableColumns.ts) unless the
 * user chose them. A row whose coordinates are missing or not numbers stops the import with the
 * row, the column and the value, as people count rows in a spreadsheet.
 */

export interface ReadTableOptions {
  /** The columns the user chose; without them they are guessed. */
  columns?: TableColumns;
  format: Extract<ImportFormat, 'csv' | 'xlsx'>;
  name: string;
  sourceLayer?: string;
  encoding?: string;
}

/** Bad rows named one by one before the rest are counted. */
const MAX_NAMED_ROWS = 10;

export type ReadTableResult = { ok: true; layer: ImportLayer } | { ok: false; problems: ImportMessage[] };

function headersOf(row: readonly TableCell[]): string[] {
  const seen = new Map<string, number>();
  return row.map((cell, index) => {
    const base = safeText(String(cell ?? '').trim(), 60) || `column${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

const cellText = (cell: TableCell | undefined): string => (cell === null || cell === undefined ? '' : String(cell));

export function readTable(rows: readonly TableCell[][], options: ReadTableOptions): ReadTableResult {
  const headerAt = rows.findIndex((row) => row.some((cell) => cellText(cell).trim() !== ''));
  const header = rows[headerAt];
  if (headerAt < 0 || !header) return { ok: false, problems: [importMessage('TABLE_EMPTY', `${quoteValue(options.name, 60)} 没有数据行`, `${quoteValue(options.name, 60)} holds no rows`)] };
  const headers = headersOf(header);
  const body = rows.slice(headerAt + 1);
  const guess = options.columns ? { columns: options.columns } : guessTableColumns(headers, body);
  const columns = guess.columns;
  const warnings: ImportMessage[] = [];
  if (!columns) {
    // Not a dead end: the part is offered without features, and the import screen asks for the columns.
    const note = importMessage('TABLE_NO_GEOMETRY_COLUMNS', `无法判断哪几列是坐标：请选择坐标列，或把它们命名为 经度/纬度、X/Y（横坐标/纵坐标）或 WKT（现有列：${headers.map((name) => quoteValue(name, 30)).join('，')}）`, `cannot tell which columns hold the coordinates: choose them, or name them 经度/纬度 (longitude/latitude), X/Y or WKT (columns: ${headers.map((name) => quoteValue(name, 30)).join(', ')})`);
    const empty: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features: [] };
    const layer: ImportLayer = { name: safeText(options.name, 100), format: options.format, text: JSON.stringify(empty), collection: empty, warnings: [note], table: { headers } };
    if (options.sourceLayer !== undefined) layer.sourceLayer = options.sourceLayer;
    if (options.encoding) layer.encoding = options.encoding;
    return { ok: true, layer };
  }
  const wanted = columns.kind === 'xy' ? [columns.x, columns.y] : [columns.wkt];
  const missing = wanted.filter((name) => !headers.includes(name));
  if (missing.length > 0)
    return { ok: false, problems: [importMessage('TABLE_COLUMN_MISSING', `表中没有列 ${missing.map((name) => quoteValue(name, 30)).join('，')}`, `the table has no column ${missing.map((name) => quoteValue(name, 30)).join(', ')}`)] };
  if (!options.columns) {
    const chosen = columns.kind === 'xy' ? `东西向（经度/横坐标）= ${quoteValue(columns.x, 30)}，南北向（纬度/纵坐标）= ${quoteValue(columns.y, 30)}` : `WKT = ${quoteValue(columns.wkt, 30)}`;
    const chosenEn = columns.kind === 'xy' ? `east-west (longitude/easting) = ${quoteValue(columns.x, 30)}, north-south (latitude/northing) = ${quoteValue(columns.y, 30)}` : `WKT = ${quoteValue(columns.wkt, 30)}`;
    const survey = guess.surveyOrder ? '（按测量习惯，X 为纵坐标、Y 为横坐标）' : '';
    const surveyEn = guess.surveyOrder ? ' (as surveyors write them, X is the northing and Y the easting)' : '';
    warnings.push(importMessage('TABLE_COLUMNS_GUESSED', `按列名与数值判断坐标列：${chosen}${survey}；如不对请重新选择`, `coordinate columns judged from their names and values: ${chosenEn}${surveyEn}; choose others if this is wrong`));
  }

  const indexOf = (name: string) => headers.indexOf(name);
  const bad: string[] = [];
  const badEn: string[] = [];
  let badCount = 0;
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  body.forEach((row, offset) => {
    if (row.every((cell) => cellText(cell).trim() === '')) return;
    const rowNumber = headerAt + offset + 2;
    const properties: Record<string, string | number | null> = {};
    headers.forEach((name, index) => {
      if (!wanted.includes(name)) properties[name] = row[index] ?? null;
    });
    let geometry: Geometry | null = null;
    const report = (column: string, value: TableCell | undefined, zh: string, en: string) => {
      badCount++;
      if (bad.length >= MAX_NAMED_ROWS) return;
      bad.push(`第 ${rowNumber} 行「${safeText(column, 30)}」${quoteValue(cellText(value), 30)}：${zh}`);
      badEn.push(`row ${rowNumber}, column ${quoteValue(column, 30)}, value ${quoteValue(cellText(value), 30)}: ${en}`);
    };
    if (columns.kind === 'xy') {
      const xCell = row[indexOf(columns.x)];
      const yCell = row[indexOf(columns.y)];
      const x = coordinateValue(xCell);
      const y = coordinateValue(yCell);
      if (x === undefined) report(columns.x, xCell, '不是数字（应为度或米）', 'not a number (degrees or metres expected)');
      if (y === undefined) report(columns.y, yCell, '不是数字（应为度或米）', 'not a number (degrees or metres expected)');
      if (x !== undefined && y !== undefined) geometry = { type: 'Point', coordinates: [x, y] };
    } else {
      const cell = row[indexOf(columns.wkt)];
      const parsed = geometryFromWkt(cellText(cell));
      if (parsed.ok) geometry = parsed.geometry;
      else report(columns.wkt, cell, '不是有效的 WKT 几何，应写作如 POLYGON((x1 y1, x2 y2, x3 y3, x1 y1))', `not a WKT geometry (${parsed.reason}); write it as e.g. POLYGON((x1 y1, x2 y2, x3 y3, x1 y1))`);
    }
    features.push({ type: 'Feature', properties, geometry });
  });
  if (badCount > 0) {
    const more = badCount > bad.length ? `；另有 ${badCount - bad.length} 处` : '';
    const moreEn = badCount > bad.length ? `; and ${badCount - bad.length} more` : '';
    return { ok: false, problems: [importMessage(columns.kind === 'xy' ? 'TABLE_BAD_COORDINATE' : 'TABLE_BAD_WKT', `${badCount} 处坐标无法读取，请在表格中改正后再导入：${bad.join('；')}${more}`, `${badCount} coordinates cannot be read; correct them in the table and import it again: ${badEn.join('; ')}${moreEn}`)] };
  }
  const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features };
  const layer: ImportLayer = { name: safeText(options.name, 100), format: options.format, text: JSON.stringify(collection), collection, warnings, table: { headers, columns } };
  if (options.sourceLayer !== undefined) layer.sourceLayer = options.sourceLayer;
  if (options.encoding) layer.encoding = options.encoding;
  return { ok: true, layer };
}
