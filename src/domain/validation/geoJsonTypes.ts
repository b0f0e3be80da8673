/** The type names of RFC 7946 §1.4, case-sensitive. */

export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;
export const GEOJSON_TYPES = [...GEOMETRY_TYPES, 'Feature', 'FeatureCollection'] as const;

export type GeoJsonType = (typeof GEOJSON_TYPES)[number];

/** Levels of arrays above the positions in each geometry's `coordinates` (RFC 7946 §3.1.2–3.1.7). */
export const COORDINATE_ARRAY_LEVELS: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** What each level of a geometry's coordinates holds, outermost first; the last is a position. */
export const COORDINATE_LEVEL_NAMES: Record<string, readonly { zh: string; en: string }[]> = {
  Point: [{ zh: '坐标', en: 'a position' }],
  MultiPoint: [{ zh: '坐标列表', en: 'a list of positions' }, { zh: '坐标', en: 'a position' }],
  LineString: [{ zh: '坐标列表', en: 'a list of positions' }, { zh: '坐标', en: 'a position' }],
  MultiLineString: [{ zh: '线的列表', en: 'a list of lines' }, { zh: '线', en: 'a line' }, { zh: '坐标', en: 'a position' }],
  Polygon: [{ zh: '环的列表', en: 'a list of rings' }, { zh: '环', en: 'a ring' }, { zh: '坐标', en: 'a position' }],
  MultiPolygon: [
    { zh: '面的列表', en: 'a list of polygons' },
    { zh: '面', en: 'a polygon' },
    { zh: '环', en: 'a ring' },
    { zh: '坐标', en: 'a position' },
  ],
};

export function isGeoJsonType(value: unknown): value is GeoJsonType {
  return typeof value === 'string' && (GEOJSON_TYPES as readonly string[]).includes(value);
}

/** "polygon" -> "Polygon": the type the author meant, for a case-sensitivity message. */
export function typeIgnoringCase(value: string): GeoJsonType | undefined {
  const lower = value.toLowerCase();
  return GEOJSON_TYPES.find((type) => type.toLowerCase() === lower);
}
