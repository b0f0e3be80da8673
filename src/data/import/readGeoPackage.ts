import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { Database, SqlValue } from 'sql.js';
import { quoteValue, safeText } from '../../domain/validation/safeText';
import { crsFromPrj, type ImportCrs } from './crsFromPrj';
import { geoPackageGeometry } from './geoPackageGeometry';
import { importMessage, type ImportMessage } from './importMessage';
import type { ImportLayer, ImportResult } from './importResult';
import { loadSqlJs } from './loadSqlJs';
import { WkbError } from './readWkb';

/*
 * A GeoPackage (OGC 12-128r18, GeoPackage 1.3) to one import layer per feature table: the tables
 * gpkg_contents lists with data_type 'features' (§1.1.3.1), their geometry column from
 * gpkg_geometry_columns (§2.1.5) and their CRS from gpkg_spatial_ref_sys (§1.1.2). Tiles and
 * attribute-only tables are not layers. Every other column becomes a property; BLOB columns are
 * left out and named once.
 */

interface FeatureTable {
  table: string;
  column: string;
  srsId: number;
}

/** Rows with at most this many bad geometries are named one by one; the rest are counted. */
const MAX_NAMED_ROWS = 5;

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function rows(database: Database, sql: string, parameters: SqlValue[] = []): SqlValue[][] {
  const statement = database.prepare(sql, parameters);
  const result: SqlValue[][] = [];
  try {
    while (statement.step()) result.push(statement.get());
  } finally {
    statement.free();
  }
  return result;
}

function featureTables(database: Database): FeatureTable[] {
  return rows(database, "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name").map(([table, column, srsId]) => ({
    table: String(table),
    column: String(column),
    srsId: Number(srsId),
  }));
}

/** The CRS of srs_id: an EPSG code when the organisation is EPSG, else what its WKT says (as a shapefile's .prj). */
function crsOf(database: Database, srsId: number): ImportCrs | undefined {
  const [row] = rows(database, 'SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  if (!row) return undefined;
  const [name, organization, code, definition] = row;
  const shown = safeText(String(name ?? ''), 120);
  // srs_id -1 and 0 are "undefined Cartesian" and "undefined geographic" (§1.1.2.1.2): no CRS at all.
  if (srsId === -1 || srsId === 0) return undefined;
  if (typeof organization === 'string' && /^epsg$/i.test(organization) && typeof code === 'number' && code > 0) return { epsg: `EPSG:${code}`, name: shown || `EPSG:${code}` };
  const fromWkt = typeof definition === 'string' ? crsFromPrj(definition) : undefined;
  return fromWkt ? { ...fromWkt, name: shown || fromWkt.name } : { name: shown || `srs_id ${srsId}` };
}

function readTable(database: Database, source: FeatureTable): ImportLayer {
  const warnings: ImportMessage[] = [];
  const statement = database.prepare(`SELECT * FROM ${quoteIdentifier(source.table)}`);
  const features: Feature<Geometry | null, GeoJsonProperties>[] = [];
  const badRows: string[] = [];
  let badCount = 0;
  const blobColumns = new Set<string>();
  try {
    const names = statement.getColumnNames();
    while (statement.step()) {
      const values = statement.get();
      const properties: Record<string, string | number | null> = {};
      let geometry: Geometry | null = null;
      names.forEach((name, index) => {
        const value = values[index] ?? null;
        if (name === source.column) {
          if (value instanceof Uint8Array) {
            try {
              geometry = geoPackageGeometry(value);
            } catch (error) {
              if (!(error instanceof WkbError)) throw error;
              badCount++;
              if (badRows.length < MAX_NAMED_ROWS) badRows.push(`${features.length + 1}: ${error.message}`);
            }
          }
        } else if (value instanceof Uint8Array) blobColumns.add(name);
        else properties[name] = value;
      });
      features.push({ type: 'Feature', properties, geometry });
    }
  } finally {
    statement.free();
  }
  const table = quoteValue(source.table, 60);
  if (badCount > 0)
    warnings.push(importMessage('GPKG_GEOMETRY_UNREADABLE', `表 ${table} 中 ${badCount} 个要素的几何无法读取，按无几何导入（要素 ${badRows.join('；')}）`, `${badCount} geometries of table ${table} cannot be read and were imported as no geometry (feature ${badRows.join('; ')})`));
  if (blobColumns.size > 0) {
    const list = [...blobColumns].map((name) => quoteValue(name, 40)).join(', ');
    warnings.push(importMessage('GPKG_BLOB_SKIPPED', `表 ${table} 的二进制字段 ${list} 未导入`, `the binary columns ${list} of table ${table} were not imported`));
  }
  const crs = crsOf(database, source.srsId);
  if (!crs) warnings.push(importMessage('GPKG_NO_CRS', `表 ${table} 未声明坐标系（srs_id ${source.srsId}），请指定坐标系`, `table ${table} declares no coordinate reference system (srs_id ${source.srsId}); choose one`));
  else if (!crs.epsg) warnings.push(importMessage('PRJ_UNRECOGNISED', `无法识别表 ${table} 的坐标系 ${crs.name}，请指定 EPSG 代码`, `the coordinate reference system ${crs.name} of table ${table} is not one this app recognises; give its EPSG code`));
  const collection: FeatureCollection<Geometry | null, GeoJsonProperties> = { type: 'FeatureCollection', features };
  const layer: ImportLayer = { name: safeText(source.table, 100), sourceLayer: source.table, format: 'geopackage', text: JSON.stringify(collection), collection, warnings };
  if (crs) layer.crs = crs;
  return layer;
}

export interface ReadGeoPackageOptions {
  /** Only this feature table (`--source-layer`); its absence is a problem naming the tables there are. */
  sourceLayer?: string;
  sqlWasmUrl?: string;
}

export async function readGeoPackage(bytes: Uint8Array, options: ReadGeoPackageOptions = {}): Promise<ImportResult> {
  const SQL = await loadSqlJs(options.sqlWasmUrl);
  let database: Database;
  try {
    database = new SQL.Database(bytes);
  } catch (error) {
    return { ok: false, problems: [importMessage('GPKG_INVALID', `不是有效的 SQLite 数据库：${error instanceof Error ? error.message : String(error)}`, `not a valid SQLite database: ${error instanceof Error ? error.message : String(error)}`)] };
  }
  try {
    let tables: FeatureTable[];
    try {
      tables = featureTables(database);
    } catch {
      return { ok: false, problems: [importMessage('GPKG_INVALID', '这是 SQLite 数据库但不是 GeoPackage（没有 gpkg_contents 与 gpkg_geometry_columns 表）', 'this is an SQLite database but not a GeoPackage (it has no gpkg_contents and gpkg_geometry_columns tables)')] };
    }
    if (tables.length === 0) return { ok: false, problems: [importMessage('GPKG_NO_FEATURE_TABLE', 'GeoPackage 中没有要素表（只有栅格瓦片或属性表）', 'the GeoPackage holds no feature table (only tiles or attribute tables)')] };
    const wanted = options.sourceLayer;
    const chosen = wanted === undefined ? tables : tables.filter((table) => table.table === wanted);
    if (chosen.length === 0) {
      const names = tables.map((table) => quoteValue(table.table, 40)).join(', ');
      return { ok: false, problems: [importMessage('SOURCE_LAYER_NOT_FOUND', `GeoPackage 中没有要素表 ${quoteValue(wanted ?? '', 40)}；可选：${names}`, `the GeoPackage has no feature table ${quoteValue(wanted ?? '', 40)}; it has ${names}`)] };
    }
    return { ok: true, layers: chosen.map((table) => readTable(database, table)) };
  } finally {
    database.close();
  }
}
