import type { TableColumns } from '../../domain/import/tableColumns';
import { quoteValue } from '../../domain/validation/safeText';
import { readDelimitedText } from './delimitedText';
import { importMessage } from './importMessage';
import type { ImportLayer, ImportResult } from './importResult';
import { layerNameFromFileName } from './layerNameFromFileName';
import { readTable } from './readTable';
import { readXlsxSheets, XlsxError } from './readXlsxSheets';
import type { ZipFile } from './readZip';

export interface ReadTableFileOptions {
  columns?: TableColumns;
  /** Only this sheet of a workbook (`--source-layer`). */
  sourceLayer?: string;
}

/** A CSV file: one layer. */
export function readCsv(name: string, bytes: Uint8Array, options: ReadTableFileOptions = {}): ImportResult {
  const { rows, encoding } = readDelimitedText(bytes);
  const read = readTable(rows, { format: 'csv', name: layerNameFromFileName(name), encoding, ...(options.columns ? { columns: options.columns } : {}) });
  return read.ok ? { ok: true, layers: [read.layer] } : read;
}

/** An Excel workbook: one layer per sheet that holds rows; a sheet that cannot be read as a table is named. */
export function readXlsx(files: readonly ZipFile[], options: ReadTableFileOptions = {}): ImportResult {
  let sheets;
  try {
    sheets = readXlsxSheets(files).filter((sheet) => sheet.rows.length > 0);
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    return { ok: false, problems: [importMessage('XLSX_INVALID', `Excel 文件已损坏：${error.message}`, `the Excel file is damaged: ${error.message}`)] };
  }
  const chosen = options.sourceLayer === undefined ? sheets : sheets.filter((sheet) => sheet.name === options.sourceLayer);
  if (sheets.length === 0) return { ok: false, problems: [importMessage('TABLE_EMPTY', 'Excel 文件中没有含数据的工作表', 'the Excel file has no sheet with data')] };
  if (chosen.length === 0) {
    const names = sheets.map((sheet) => quoteValue(sheet.name, 40)).join(', ');
    return { ok: false, problems: [importMessage('SOURCE_LAYER_NOT_FOUND', `Excel 文件中没有工作表 ${quoteValue(options.sourceLayer ?? '', 40)}；可选：${names}`, `the Excel file has no sheet ${quoteValue(options.sourceLayer ?? '', 40)}; it has ${names}`)] };
  }
  const layers: ImportLayer[] = [];
  const problems = [];
  for (const sheet of chosen) {
    const read = readTable(sheet.rows, { format: 'xlsx', name: sheet.name, sourceLayer: sheet.name, ...(options.columns ? { columns: options.columns } : {}) });
    // With several sheets, one without coordinate columns (a cover sheet, notes) is no part.
    if (read.ok && (read.layer.table?.columns || chosen.length === 1)) layers.push(read.layer);
    else if (!read.ok && chosen.length === 1) problems.push(...read.problems);
  }
  if (layers.length === 0) return { ok: false, problems: problems.length > 0 ? problems : [importMessage('TABLE_NO_GEOMETRY_COLUMNS', '没有任何工作表含可识别的坐标列', 'no sheet has columns recognisable as coordinates')] };
  return { ok: true, layers };
}
