import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LocalizedText } from '../plan/localizedText';
import type { ChineseWebDatumHint } from '../import/chineseWebDatumHint';

/**
 * One finding of any check of the data, as data for people and for programs: the validator of
 * uploaded files, check-data, the contracts of layers.json and tour.json, and the server's
 * answers all report in this shape.
 */
export interface ValidationIssue {
  /** The file it is in, relative to the geodata folder, when a check reads several (check-data). */
  file?: string;
  featureIndex?: number;
  featureId?: string;
  /** The feature's `name` property, made safe to print (see safeText). */
  featureName?: string;
  /** JSON pointer (RFC 6901) into the input, e.g. /features/3/geometry/coordinates/0/5; "" is the whole document. */
  path: string;
  /** Stable machine-readable kind; see ValidationCode. */
  code: ValidationCode;
  /** Both languages, whole: data values in it are quoted, truncated and made inert (safeText). */
  message: LocalizedText;
  /** Where on the map, in lon/lat after any reprojection, when the issue has a place. */
  location?: [number, number];
}

/** An issue as the API sends it (a save refused or held back): the place, the kind and the words. */
export type SaveProblem = Pick<ValidationIssue, 'featureIndex' | 'featureId' | 'path' | 'code' | 'message'>;

/** What the validator found. `problems` block a save or an import; `warnings` do not. */
export interface ValidationReport {
  problems: ValidationIssue[];
  warnings: ValidationIssue[];
  /**
   * The input as an RFC 7946 FeatureCollection, when the file could be read that far: BOM
   * stripped, `crs` dropped, lon/lat, rings rewound, features in input order (feature i of the
   * collection is feature i of the report). Features with problems are still in it; see
   * validFeaturesOnly.
   */
  collection?: FeatureCollection<Geometry | null, GeoJsonProperties>;
  /**
   * Set when the coordinates were converted; every conversion is reported: from which CRS, and
   * with which datum-shift profile when the source datum needed one (docs/input-rules.md, C10).
   */
  reprojection?: { from: string; to: 'EPSG:4326'; datumShift?: string };
  /** An EPSG code the file or the user names that has no pinned definition: load it from the registry and validate again (src/data/crs). */
  crsNeeded?: number;
  /** The source CRS's datum has no known shift to CGCS2000: a datum-shift profile for this CRS is needed. */
  datumShiftNeeded?: { crs: string; datum: LocalizedText };
  /** The file looks like a Chinese web map's (DataV/ECharts), whether or not a conversion was asked for. */
  datumHint?: ChineseWebDatumHint;
}

export type ValidationCode =
  // bytes and JSON
  | 'EMPTY_INPUT'
  | 'TOO_LARGE'
  | 'ENCODING_NOT_UTF8'
  | 'NOT_JSON'
  | 'INVALID_JSON'
  | 'DUPLICATE_KEY'
  | 'FORBIDDEN_KEY'
  | 'TOO_DEEP'
  // GeoJSON structure
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_TYPE'
  | 'WRONG_ROOT_TYPE'
  | 'MISSING_MEMBER'
  | 'WRONG_MEMBER_TYPE'
  | 'FORBIDDEN_MEMBER'
  | 'NO_FEATURES'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'COORDINATES_NESTING'
  | 'INVALID_POSITION'
  | 'COORDINATE_NOT_NUMBER'
  | 'INVALID_BBOX'
  | 'BBOX_MISMATCH'
  | 'GEOMETRY_COLLECTION_NOT_ALLOWED'
  | 'GEOMETRY_KIND_MISMATCH'
  | 'EMPTY_GEOMETRY'
  | 'TOO_MANY_VERTICES'
  // coordinates and CRS
  | 'UNSUPPORTED_CRS'
  | 'CRS_CONFLICT'
  | 'COORDINATES_LOOK_PROJECTED'
  | 'COORDINATES_SWAPPED'
  | 'LONGITUDE_OUT_OF_RANGE'
  | 'LATITUDE_OUT_OF_RANGE'
  | 'ANTIMERIDIAN_CROSSING'
  | 'INVALID_COORDINATE'
  | 'REPROJECTED'
  | 'DATUM_SHIFT_UNKNOWN'
  | 'DATUM_SHIFT_APPROXIMATE'
  | 'DATUM_SHIFT_MISMATCH'
  | 'CRS_AREA_MISMATCH'
  | 'OUTSIDE_DISTRICT'
  | 'NULL_ISLAND'
  // geometry validity (JTS IsValidOp)
  | 'RING_NOT_CLOSED'
  | 'TOO_FEW_POINTS'
  | 'SELF_INTERSECTION'
  | 'HOLE_OUTSIDE_SHELL'
  | 'NESTED_HOLES'
  | 'DISCONNECTED_INTERIOR'
  | 'OVERLAPPING_PARTS'
  | 'WINDING_REWOUND'
  // attributes of an uploaded layer: one of the layer-file codes below, prefixed, e.g. ATTRIBUTE_ENUM
  | `ATTRIBUTE_${string}`
  | 'SOURCE_AREA_ATTRIBUTE'
  // figures that need a confirmation before a save (src/domain/plausibility)
  | 'MOSTLY_OUTSIDE_DISTRICT'
  | 'LARGER_THAN_DISTRICT'
  | 'LAYER_TOTAL_JUMP'
  // the validator itself failed; a bug, reported as data rather than thrown
  | 'INTERNAL_ERROR'
  // a JSON Schema rule (a contract's, or a layer schema's): the keyword, e.g. REQUIRED for "required"
  | 'REQUIRED'
  | 'ADDITIONAL_PROPERTIES'
  | 'ENUM'
  | 'CONST'
  | 'TYPE'
  | 'PATTERN'
  | 'INVALID_FORMAT'
  | 'MIN_ITEMS'
  | 'MAX_ITEMS'
  | 'MIN_LENGTH'
  | 'MIN_PROPERTIES'
  | 'MINIMUM'
  | 'MAXIMUM'
  | 'EXCLUSIVE_MINIMUM'
  | 'EXCLUSIVE_MAXIMUM'
  | 'UNIQUE_ITEMS'
  | 'ONE_OF'
  | 'SCHEMA_VIOLATION'
  // rules between the parts of the geodata files (consistency)
  | 'INVALID_DATE'
  | 'UNKNOWN_STATUS'
  | 'STATUS_IN_USE'
  | 'HISTORY_NOT_INCREASING'
  | 'STATUS_NOT_LAST_HISTORY'
  | 'METRIC_GEOMETRY_MISMATCH'
  | 'UNIT_GEOMETRY_MISMATCH'
  | 'TARGET_MEMBER_MISMATCH'
  | 'UNKNOWN_ATTRIBUTE_VALUE'
  | 'INVALID_PERIOD'
  | 'INVALID_BOUNDS'
  | 'CENTER_OUTSIDE_BOUNDS'
  | 'UNKNOWN_LAYER'
  | 'UNKNOWN_FEATURE'
  // the geodata folder itself (check-data) and the server's own refusals
  | 'MISSING_FILE'
  | 'SCHEMA_MISSING'
  | 'SCHEMA_INVALID'
  | 'MANIFEST_INVALID'
  | 'EMPTY_LAYER_NEEDS_CONFIRMATION';

/** Bounds on the work one validation may do; the defaults suit one layer file of a district. */
export interface ValidationLimits {
  /** Larger inputs are refused before decoding (TOO_LARGE). */
  maxBytes: number;
  /** JSON nesting allowed anywhere; deeper input stops the parser (TOO_DEEP) before it can exhaust the stack. */
  maxJsonDepth: number;
  /** Nesting allowed inside a feature's `properties` (docs/input-rules.md, A6). */
  maxPropertiesDepth: number;
  /** Positions allowed in one file; validity checks stay near-linear below it (TOO_MANY_VERTICES). */
  maxVertices: number;
}

export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxJsonDepth: 64,
  maxPropertiesDepth: 32,
  maxVertices: 2_000_000,
};
