import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { ImportCrs } from './crsFromPrj';
import type { ImportMessage } from './importMessage';

export type ImportFormat = 'geojson' | 'shapefile' | 'kml';

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
  /** Text encoding of the attributes (shapefile .dbf), e.g. "gbk", "utf-8". */
  encoding?: string;
  warnings: ImportMessage[];
}

export type ImportResult = { ok: true; layers: ImportLayer[] } | { ok: false; problems: ImportMessage[] };
