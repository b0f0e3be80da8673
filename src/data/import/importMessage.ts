import type { LocalizedText } from '../../domain/plan/manifest';

/** One finding of an importer: a stable code for programs and a message in both UI languages. */
export interface ImportMessage {
  code: ImportCode;
  message: LocalizedText;
}

export type ImportCode =
  // what the file is
  | 'EMPTY_FILE'
  | 'UNKNOWN_FORMAT'
  | 'UNSUPPORTED_FORMAT'
  | 'NOT_UTF8'
  | 'NAME_MISMATCH'
  | 'IMPORT_FAILED'
  // zip safety (docs/input-rules.md, A7) and structure
  | 'ZIP_INVALID'
  | 'ZIP_EMPTY'
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_RATIO_TOO_HIGH'
  | 'ZIP_UNSAFE_NAME'
  | 'ZIP_SIZE_MISMATCH'
  | 'ZIP_UNSUPPORTED'
  | 'ZIP_NOTHING_TO_IMPORT'
  // shapefile
  | 'SHP_MISSING'
  | 'SHP_INVALID'
  | 'SHP_UNSUPPORTED_SHAPE'
  | 'SHP_ORPHAN_HOLE'
  | 'DBF_MISSING'
  | 'DBF_INVALID'
  | 'DBF_RECORD_COUNT'
  | 'DBF_DELETED_RECORDS'
  | 'DBF_FIELD_SKIPPED'
  | 'DBF_DUPLICATE_FIELD'
  | 'DBF_ENCODING_UNKNOWN'
  | 'DBF_ENCODING_DETECTED'
  | 'PRJ_MISSING'
  | 'PRJ_UNRECOGNISED'
  // KML
  | 'KML_INVALID_XML'
  | 'KML_NOT_KML'
  | 'KML_INVALID_COORDINATES'
  | 'KML_GEOMETRY_SKIPPED'
  | 'KML_DUPLICATE_PROPERTY'
  | 'KMZ_NO_KML'
  // choosing a part of a file that holds several (GeoPackage table, DXF layer, sheet)
  | 'SOURCE_LAYER_NOT_FOUND'
  // DXF
  | 'DXF_BINARY'
  | 'DXF_INVALID'
  | 'DXF_NOTHING_TO_IMPORT'
  | 'DXF_ENTITIES_SKIPPED'
  | 'DXF_HATCH_SKIPPED'
  | 'DXF_NO_CRS'
  | 'DWG_NOT_SUPPORTED'
  // GeoPackage
  | 'GPKG_INVALID'
  | 'GPKG_NO_FEATURE_TABLE'
  | 'GPKG_GEOMETRY_UNREADABLE'
  | 'GPKG_BLOB_SKIPPED'
  | 'GPKG_NO_CRS'
  // CSV and Excel tables
  | 'TABLE_EMPTY'
  | 'TABLE_NO_GEOMETRY_COLUMNS'
  | 'TABLE_COLUMN_MISSING'
  | 'TABLE_BAD_COORDINATE'
  | 'TABLE_BAD_WKT'
  | 'TABLE_COLUMNS_GUESSED'
  | 'TABLE_ENCODING_DETECTED'
  | 'XLSX_INVALID';

export const importMessage = (code: ImportCode, zh: string, en: string): ImportMessage => ({ code, message: { zh, en } });

/** Thrown inside a reader to stop with one message; caught at the reader's edge, never escapes importFile. */
export class ImportError extends Error {
  constructor(readonly problem: ImportMessage) {
    super(problem.message.en);
  }
}
