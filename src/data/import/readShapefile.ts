import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { quoteValue } from '../../domain/validation/safeText';
import { crsFromPrj } from './crsFromPrj';
import { encodingFromCpg } from './dbfEncoding';
import { ImportError, importMessage, type ImportMessage } from './importMessage';
import type { ImportLayer, ImportResult } from './importResult';
import { layerNameFromFileName } from './layerNameFromFileName';
import { readDbf, type DbfTable } from './readDbf';
import { readShp } from './readShp';
import type { ZipFile } from './readZip';

/*
 * Shapefiles from the files of a zip: each .shp with its sidecars of the same base name
 * (ESRI Shapefile Technical Description, 1998: .shp geometry, .shx index, .dbf attributes;
 * .prj CRS and .cpg code page are ESRI conventions). One layer per .shp, named by its file.
 */

const SIDECARS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg']);

interface ShapefileParts {
  path: string;
  files: Map<string, ZipFile>;
}

/** Files grouped by path without extension, ignoring macOS resource forks (__MACOSX/, ._name). */
export function groupShapefileParts(files: readonly ZipFile[]): ShapefileParts[] {
  const groups = new Map<string, ShapefileParts>();
  for (const file of files) {
    const base = file.name.split('/').pop() ?? '';
    if (file.name.startsWith('__MACOSX/') || base.startsWith('._')) continue;
    const dot = file.name.lastIndexOf('.');
    const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
    if (!SIDECARS.has(extension)) continue;
    const path = file.name.slice(0, dot);
    const key = path.toLowerCase();
    const group = groups.get(key) ?? { path, files: new Map<string, ZipFile>() };
    group.files.set(extension, file);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const decodeAscii = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

function tableWarnings(table: DbfTable, fileName: string, cpgGiven: boolean): ImportMessage[] {
  const warnings: ImportMessage[] = [];
  const { encoding, source } = table.encoding;
  if (!cpgGiven) {
    const why = source === 'language-driver'
      ? { zh: '据 .dbf 语言驱动标记（936）', en: 'from the .dbf language driver id (936)' }
      : { zh: '自动检测', en: 'detected from the text' };
    warnings.push(importMessage('DBF_ENCODING_DETECTED', `${fileName} 没有 .cpg 编码文件，属性按 ${encoding.toUpperCase()} 读取（${why.zh}）；如有乱码请告知正确编码`, `${fileName} has no .cpg file; attributes were read as ${encoding.toUpperCase()} (${why.en}); report garbled text with the right encoding`));
  }
  for (const field of table.skippedFields)
    warnings.push(importMessage('DBF_FIELD_SKIPPED', `字段 ${quoteValue(field.name)}（类型 ${field.type}）为备注或二进制字段，未导入`, `field ${quoteValue(field.name)} (type ${field.type}) is a memo or binary field and was not imported`));
  for (const { from, to } of table.renamedFields)
    warnings.push(importMessage('DBF_DUPLICATE_FIELD', `字段名 ${quoteValue(from)} 重复，后一个改名为 ${quoteValue(to)}`, `the field name ${quoteValue(from)} occurs twice; the later one was renamed ${quoteValue(to)}`));
  return warnings;
}

function readLayer(parts: ShapefileParts, shp: ZipFile): ImportLayer {
  const fileName = shp.name.split('/').pop() ?? shp.name;
  const warnings: ImportMessage[] = [];
  const records = readShp(shp.bytes, fileName);
  if (records.unsupported > 0)
    warnings.push(importMessage('SHP_UNSUPPORTED_SHAPE', `${records.unsupported} 个要素为多面片（MultiPatch）等不支持的类型，几何已置空`, `${records.unsupported} features are MultiPatch or another unsupported shape type; their geometry is empty`));
  if (records.orphanHoles > 0)
    warnings.push(importMessage('SHP_ORPHAN_HOLE', `${records.orphanHoles} 个逆时针环不在任何外环内，已作为独立的面保留`, `${records.orphanHoles} counterclockwise rings lie in no outer ring; they were kept as polygons of their own`));

  const cpgFile = parts.files.get('cpg');
  let encoding: string | undefined;
  if (cpgFile) {
    const label = decodeAscii(cpgFile.bytes).trim();
    encoding = encodingFromCpg(label);
    if (!encoding)
      warnings.push(importMessage('DBF_ENCODING_UNKNOWN', `.cpg 文件中的编码 ${quoteValue(label)} 无法识别，改为自动检测`, `the encoding ${quoteValue(label)} in the .cpg file is not known; it was detected instead`));
  }
  const dbfFile = parts.files.get('dbf');
  let table: DbfTable | undefined;
  if (dbfFile) {
    table = readDbf(dbfFile.bytes, dbfFile.name.split('/').pop() ?? dbfFile.name, encoding);
    warnings.push(...tableWarnings(table, fileName, encoding !== undefined));
  } else warnings.push(importMessage('DBF_MISSING', `${fileName} 缺少 .dbf 属性表，要素没有属性`, `${fileName} has no .dbf attribute table; the features have no attributes`));

  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  const rowCount = table?.rows.length ?? records.geometries.length;
  const count = Math.max(records.geometries.length, rowCount);
  let deleted = 0;
  for (let index = 0; index < count; index++) {
    const row = table ? table.rows[index] : {};
    if (row === null) {
      deleted++;
      continue;
    }
    features.push({ type: 'Feature', properties: row ?? {}, geometry: records.geometries[index] ?? null });
  }
  if (table && rowCount !== records.geometries.length)
    warnings.push(importMessage('DBF_RECORD_COUNT', `.shp 有 ${records.geometries.length} 个图形而 .dbf 有 ${rowCount} 行，按顺序配对，多出的部分保留为无属性或无几何的要素`, `the .shp holds ${records.geometries.length} shapes and the .dbf ${rowCount} rows; they were paired in order and the rest kept without attributes or geometry`));
  if (deleted > 0)
    warnings.push(importMessage('DBF_DELETED_RECORDS', `${deleted} 行在 .dbf 中标记为已删除，未导入`, `${deleted} rows are marked deleted in the .dbf and were not imported`));

  const prjFile = parts.files.get('prj');
  const crs = prjFile ? crsFromPrj(decodeAscii(prjFile.bytes)) : undefined;
  if (!crs) warnings.push(importMessage('PRJ_MISSING', `${fileName} 缺少 .prj 坐标系文件，请确认坐标系`, `${fileName} has no .prj file; confirm its coordinate reference system`));
  else if (!crs.epsg)
    warnings.push(importMessage('PRJ_UNRECOGNISED', `.prj 中的坐标系 ${crs.name} 没有可识别的 EPSG 代码，将按 .prj 自身的定义转换；请核对位置，或指定 EPSG 代码`, `the coordinate reference system ${crs.name} in the .prj has no EPSG code this app recognises; it is converted by the .prj's own definition: check the result, or give its EPSG code`));

  const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features };
  const layer: ImportLayer = { name: layerNameFromFileName(parts.path), format: 'shapefile', text: JSON.stringify(collection), collection, warnings };
  if (crs) layer.crs = crs;
  if (table) layer.encoding = table.encoding.encoding;
  return layer;
}

/** The shapefiles among the files of a zip, one layer each; a problem for a .dbf or .prj without its .shp. */
export function readShapefile(files: readonly ZipFile[]): ImportResult {
  const groups = groupShapefileParts(files);
  const problems: ImportMessage[] = [];
  const layers: ImportLayer[] = [];
  for (const parts of groups) {
    const shp = parts.files.get('shp');
    if (!shp) {
      const present = [...parts.files.keys()].map((extension) => `.${extension}`).join(', ');
      problems.push(importMessage('SHP_MISSING', `${quoteValue(parts.path, 80)} 缺少 .shp 几何文件（只有 ${present}）`, `${quoteValue(parts.path, 80)} has no .shp geometry file (only ${present})`));
      continue;
    }
    try {
      layers.push(readLayer(parts, shp));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push(error.problem);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (layers.length === 0) return { ok: false, problems: [importMessage('SHP_MISSING', '压缩包中没有 Shapefile（.shp）', 'the zip archive holds no shapefile (.shp)')] };
  return { ok: true, layers };
}
