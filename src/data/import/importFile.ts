import { quoteValue } from '../../domain/validation/safeText';
import { decodeText } from '../../domain/validation/decodeText';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportResult } from './importResult';
import { layerNameFromFileName } from './layerNameFromFileName';
import type { TableColumns } from '../../domain/import/tableColumns';
import { readDxf } from './readDxf';
import { readGeoPackage } from './readGeoPackage';
import { readKml } from './readKml';
import { readCsv, readXlsx } from './readTableFile';
import { readKmz } from './readKmz';
import { readShapefile, groupShapefileParts } from './readShapefile';
import { readZip, type ZipLimits } from './readZip';
import { sniffImportFormat, type SniffedFormat } from './sniffImportFormat';

export interface ImportFileOptions {
  zipLimits?: Partial<ZipLimits>;
  /**
   * Only this part of a file that holds several: a GeoPackage feature table, a DXF layer, an
   * Excel sheet (`--source-layer`). Absent: every part, for the user to pick from.
   */
  sourceLayer?: string;
  /** The geometry columns of a CSV or Excel table, when the user chose them; else they are guessed. */
  tableColumns?: TableColumns;
  /** Where the browser finds sql.js's .wasm (set by the import worker); Node finds it itself. */
  sqlWasmUrl?: string;
}

/** Entries worth inflating: shapefile parts, KML documents and a workbook's XML; images and the rest stay packed. */
const WANTED_IN_ZIP = /\.(shp|shx|dbf|prj|cpg|kml|xml|rels)$/i;

const fail = (problem: ImportMessage): ImportResult => ({ ok: false, problems: [problem] });

type ContentKind = 'zip' | 'kml' | 'json' | 'sqlite' | 'dxf' | 'csv';

function kindOfName(name: string): ContentKind | undefined {
  if (/\.(zip|kmz|xlsx)$/i.test(name)) return 'zip';
  if (/\.(gpkg|sqlite)$/i.test(name)) return 'sqlite';
  if (/\.dxf$/i.test(name)) return 'dxf';
  if (/\.(csv|tsv)$/i.test(name)) return 'csv';
  if (/\.kml$/i.test(name)) return 'kml';
  if (/\.(geo)?json$/i.test(name)) return 'json';
  return undefined;
}

const FORMAT_NAMES = {
  zip: { zh: 'ZIP 压缩包', en: 'a zip archive' },
  kml: { zh: 'KML 文件', en: 'a KML file' },
  json: { zh: 'GeoJSON 文本', en: 'GeoJSON text' },
  sqlite: { zh: 'GeoPackage/SQLite 数据库', en: 'a GeoPackage/SQLite database' },
  dxf: { zh: 'DXF 图纸', en: 'a DXF drawing' },
  csv: { zh: 'CSV 表格', en: 'a CSV table' },
} as const;

/** What the import screen and the commands accept, for messages about anything else. */
const ACCEPTED = {
  zh: '可导入 GeoJSON、压缩的 Shapefile（.zip）、KML/KMZ、DXF、GeoPackage（.gpkg）、CSV 或 Excel（.xlsx）',
  en: 'import GeoJSON, a zipped shapefile (.zip), KML/KMZ, DXF, GeoPackage (.gpkg), CSV or Excel (.xlsx)',
};

/** A file whose name promises another format is read for what it is, and told so (docs/input-rules.md, G4). */
function nameMismatch(name: string, actual: ContentKind): ImportMessage[] {
  const claimed = kindOfName(name);
  if (!claimed || claimed === actual) return [];
  const shown = quoteValue(name.split(/[\\/]/).pop() ?? '', 80);
  return [importMessage('NAME_MISMATCH', `${shown} 的扩展名与内容不符：它其实是${FORMAT_NAMES[actual].zh}，已按实际格式读取`, `${shown} is named for another format but is really ${FORMAT_NAMES[actual].en}; it was read as such`)];
}

function importZip(name: string, bytes: Uint8Array, options: ImportFileOptions): ImportResult {
  const zip = readZip(bytes, { limits: options.zipLimits, wanted: (entry) => WANTED_IN_ZIP.test(entry) });
  if (!zip.ok) return zip;
  if (zip.files.some((file) => file.name === 'xl/workbook.xml')) return readXlsx(zip.files, { ...(options.sourceLayer !== undefined ? { sourceLayer: options.sourceLayer } : {}), ...(options.tableColumns ? { columns: options.tableColumns } : {}) });
  if (groupShapefileParts(zip.files).length > 0) return readShapefile(zip.files);
  if (zip.files.some((file) => /\.kml$/i.test(file.name))) return readKmz(name, zip.files);
  return fail(importMessage('ZIP_NOTHING_TO_IMPORT', '压缩包中既没有 Shapefile（.shp 及其 .dbf、.prj）也没有 KML，也不是 Excel 工作簿', 'the zip archive holds neither a shapefile (.shp with its .dbf and .prj) nor KML, and is no Excel workbook'));
}

function importJson(name: string, bytes: Uint8Array): ImportResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail({ code: decoded.issue.code === 'ENCODING_NOT_UTF8' ? 'NOT_UTF8' : 'UNSUPPORTED_FORMAT', message: decoded.issue.message });
  return { ok: true, layers: [{ name: layerNameFromFileName(name), format: 'geojson', text: decoded.text, warnings: [] }] };
}

async function dispatch(name: string, bytes: Uint8Array, sniffed: SniffedFormat, options: ImportFileOptions): Promise<ImportResult> {
  switch (sniffed.kind) {
    case 'empty':
      return fail(importMessage('EMPTY_FILE', '文件是空的', 'the file is empty'));
    case 'zip':
      return importZip(name, bytes, options);
    case 'kml':
      return readKml(name, bytes);
    case 'json':
      return importJson(name, bytes);
    case 'sqlite':
      return readGeoPackage(bytes, { ...(options.sourceLayer !== undefined ? { sourceLayer: options.sourceLayer } : {}), ...(options.sqlWasmUrl ? { sqlWasmUrl: options.sqlWasmUrl } : {}) });
    case 'dxf':
      return readDxf(bytes, options.sourceLayer !== undefined ? { sourceLayer: options.sourceLayer } : {});
    case 'csv':
      return readCsv(name, bytes, options.tableColumns ? { columns: options.tableColumns } : {});
    case 'dwg':
      // Every DWG reader there is to embed (LibreDWG, ODA's) is GPL or proprietary.
      return fail(importMessage('DWG_NOT_SUPPORTED', '不能直接读取 DWG 图纸：请在 CAD 软件中“另存为” DXF（AutoCAD 2000 或更新的 ASCII DXF）再导入', 'DWG drawings cannot be read: use "Save As" DXF (AutoCAD 2000 or later, ASCII) in the CAD program and import the DXF'));
    case 'other': {
      if (sniffed.code === 'ZIP_EMPTY') return fail(importMessage('ZIP_EMPTY', '这是空的 ZIP 压缩包', 'this is an empty zip archive'));
      if (sniffed.format?.en.includes('Shapefile'))
        return fail(importMessage('UNSUPPORTED_FORMAT', '这是单独的 .shp 文件：请把 .shp、.shx、.dbf、.prj、.cpg 一起压缩成 ZIP 再导入', 'this is a lone .shp file: zip it together with its .shx, .dbf, .prj and .cpg files and import the zip'));
      if (sniffed.format) return fail(importMessage(sniffed.code, `这是${sniffed.format.zh}，不能导入；${ACCEPTED.zh}`, `this is ${sniffed.format.en}, which cannot be imported; ${ACCEPTED.en}`));
      return fail(importMessage('UNKNOWN_FORMAT', `无法识别的文件格式；${ACCEPTED.zh}`, `unrecognised file format; ${ACCEPTED.en}`));
    }
  }
}

/**
 * The one import entry of the app, the commands and district setup: bytes of a file to GeoJSON
 * layers, each ready for validateGeoJson(layer.text, { declaredCrs: layer.crs?.epsg }). The
 * reader is chosen by content, not by the file name. Asynchronous because a GeoPackage needs
 * SQLite, loaded on first use. Never rejects.
 */
export async function importFile(name: string, bytes: Uint8Array, options: ImportFileOptions = {}): Promise<ImportResult> {
  try {
    const sniffed = sniffImportFormat(bytes);
    const result = await dispatch(name, bytes, sniffed, options);
    if (!result.ok || sniffed.kind === 'empty' || sniffed.kind === 'other' || sniffed.kind === 'dwg') return result;
    const mismatch = nameMismatch(name, sniffed.kind);
    for (const layer of result.layers) layer.warnings.unshift(...mismatch);
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(importMessage('IMPORT_FAILED', `导入程序出错：${reason}`, `the importer failed: ${reason}`));
  }
}
