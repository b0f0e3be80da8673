import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { ImportCrs } from './crsFromPrj';
import type { TableColumns } from '../../domain/import/tableColumns';
import type { ImportMessage } from './importMessage';

export type ImportFormat = 'geojson' | 'shapefile' | 'kml' | 'dxf' | 'geopackage' | 'csv' | 'xlsx';

/** One layer read from a file: a shapefile of a zip, a KML document, a GeoJSON file. */
export interface ImportLayer {
  /** From the file name (layerNameFromFileName): display data, never a path. */
  name: string;
  format: ImportFormat;
  /**
   * GeoJSON text for validateGeoJson, for every format. For GeoJSON files it is the file's own
   * text (BOM stripped), unparsed: the validation engine checks duplicate keys, depth and
   * structure itself.
   */
  text: string;
  /** The FeatureCollection a reader built (shapefile, KML); absent for GeoJSON files. */
  collection?: FeatureCollection<Geometry | null, GeoJsonProperties>;
  /**
   * The CRS the coordinates are in, when the file says so: pass `crs.epsg` as validateGeoJson's
   * `declaredCrs`. Without an `epsg` the name is shown and the user is asked.
   */
  crs?: ImportCrs;
  /** Text encoding of the attributes (shapefile .dbf, DXF, CSV), e.g. "gbk", "utf-8". */
  encoding?: string;
  /** The name of this part inside the file (GeoPackage table, DXF layer, Excel sheet), as `sourceLayer` selects it. */
  sourceLayer?: string;
  /** DXF parts are split by kind so each fits a polygon or a line layer. */
  geometryKind?: 'polygon' | 'line';
  /**
   * A table (CSV, Excel): its header and the columns read as geometry, for the user to confirm or
   * change. Without `columns` none could be told: the part has no features until the user chooses.
   */
  table?: { headers: string[]; columns?: TableColumns };
  warnings: ImportMessage[];
}

export type ImportResult = { ok: true; layers: ImportLayer[] } | { ok: false; problems: ImportMessage[] };
