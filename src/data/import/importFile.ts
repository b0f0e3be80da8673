import { quoteValue } from '../../domain/validation/safeText';
import { decodeText } from '../../domain/validation/decodeText';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportResult } from './importResult';
import { layerNameFromFileName } from './layerNameFromFileName';
import { readKml } from './readKml';
import { readKmz } from './readKmz';
import { readShapefile, groupShapefileParts } from './readShapefile';
import { readZip, type ZipLimits } from './readZip';
import { sniffImportFormat, type SniffedFormat } from './sniffImportFormat';

export interface ImportFileOptions {
  zipLimits?: Partial<ZipLimits>;
}

/** Entries worth inflating: shapefile parts and KML documents; images and the rest stay packed. */
const WANTED_IN_ZIP = /\.(shp|shx|dbf|prj|cpg|kml)$/i;

const fail = (problem: ImportMessage): ImportResult => ({ ok: false, problems: [problem] });

function kindOfName(name: string): 'zip' | 'kml' | 'json' | undefined {
  if (/\.(zip|kmz)$/i.test(name)) return 'zip';
  if (/\.kml$/i.test(name)) return 'kml';
  if (/\.(geo)?json$/i.test(name)) return 'json';
  return undefined;
}

const FORMAT_NAMES = { zip: { zh: 'ZIP 压缩包', en: 'a zip archive' }, kml: { zh: 'KML 文件', en: 'a KML file' }, json: { zh: 'GeoJSON 文本', en: 'GeoJSON text' } } as const;

/** A file whose name promises another format is read for what it is, and told so (docs/input-rules.md, G4). */
function nameMismatch(name: string, actual: 'zip' | 'kml' | 'json'): ImportMessage[] {
  const claimed = kindOfName(name);
  if (!claimed || claimed === actual) return [];
  const shown = quoteValue(name.split(/[\\/]/).pop() ?? '', 80);
  return [importMessage('NAME_MISMATCH', `${shown} 的扩展名与内容不符：它其实是${FORMAT_NAMES[actual].zh}，已按实际格式读取`, `${shown} is named for another format but is really ${FORMAT_NAMES[actual].en}; it was read as such`)];
}

function importZip(name: string, bytes: Uint8Array, options: ImportFileOptions): ImportResult {
  const zip = readZip(bytes, { limits: options.zipLimits, wanted: (entry) => WANTED_IN_ZIP.test(entry) });
  if (!zip.ok) return zip;
  if (groupShapefileParts(zip.files).length > 0) return readShapefile(zip.files);
  if (zip.files.some((file) => /\.kml$/i.test(file.name))) return readKmz(name, zip.files);
  return fail(importMessage('ZIP_NOTHING_TO_IMPORT', '压缩包中既没有 Shapefile（.shp 及其 .dbf、.prj）也没有 KML', 'the zip archive holds neither a shapefile (.shp with its .dbf and .prj) nor KML'));
}

function importJson(name: string, bytes: Uint8Array): ImportResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail({ code: decoded.issue.code === 'ENCODING_NOT_UTF8' ? 'NOT_UTF8' : 'UNSUPPORTED_FORMAT', message: decoded.issue.message });
  return { ok: true, layers: [{ name: layerNameFromFileName(name), format: 'geojson', text: decoded.text, warnings: [] }] };
}

function dispatch(name: string, bytes: Uint8Array, sniffed: SniffedFormat, options: ImportFileOptions): ImportResult {
  switch (sniffed.kind) {
    case 'empty':
      return fail(importMessage('EMPTY_FILE', '文件是空的', 'the file is empty'));
    case 'zip':
      return importZip(name, bytes, options);
    case 'kml':
      return readKml(name, bytes);
    case 'json':
      return importJson(name, bytes);
    case 'other': {
      if (sniffed.code === 'ZIP_EMPTY') return fail(importMessage('ZIP_EMPTY', '这是空的 ZIP 压缩包', 'this is an empty zip archive'));
      if (sniffed.format?.en.includes('Shapefile'))
        return fail(importMessage('UNSUPPORTED_FORMAT', '这是单独的 .shp 文件：请把 .shp、.shx、.dbf、.prj、.cpg 一起压缩成 ZIP 再导入', 'this is a lone .shp file: zip it together with its .shx, .dbf, .prj and .cpg files and import the zip'));
      if (sniffed.format) return fail(importMessage(sniffed.code, `这是${sniffed.format.zh}，不能导入；可导入 GeoJSON、压缩的 Shapefile（.zip）、KML 或 KMZ`, `this is ${sniffed.format.en}, which cannot be imported; import GeoJSON, a zipped shapefile (.zip), KML or KMZ`));
      return fail(importMessage('UNKNOWN_FORMAT', '无法识别的文件格式；可导入 GeoJSON、压缩的 Shapefile（.zip）、KML 或 KMZ', 'unrecognised file format; import GeoJSON, a zipped shapefile (.zip), KML or KMZ'));
    }
  }
}

/**
 * The one import entry of the app and the command line: bytes of a dropped file to GeoJSON
 * layers, each ready for validateGeoJson(layer.text, { declaredCrs: layer.crs?.epsg }). The
 * reader is chosen by content, not by the file name. Never throws.
 */
export function importFile(name: string, bytes: Uint8Array, options: ImportFileOptions = {}): ImportResult {
  try {
    const sniffed = sniffImportFormat(bytes);
    const result = dispatch(name, bytes, sniffed, options);
    if (!result.ok || sniffed.kind === 'empty' || sniffed.kind === 'other') return result;
    const mismatch = nameMismatch(name, sniffed.kind);
    for (const layer of result.layers) layer.warnings.unshift(...mismatch);
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(importMessage('IMPORT_FAILED', `导入程序出错：${reason}`, `the importer failed: ${reason}`));
  }
}
