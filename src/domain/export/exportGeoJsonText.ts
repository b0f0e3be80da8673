import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeature, PlanFeatureProperties } from '../plan/planFeature';
import { statusAsOf } from '../progress/statusAsOf';
import type { GaussKrugerProjection } from './gaussKrugerProjection';
import { exportGeometry, type PositionOutput } from './exportGeometry';
import { orderedProperties } from './orderedProperties';
import { schemaPropertyOrder } from './schemaPropertyOrder';

/** 1e-7° is about 1 cm on the ground: below any survey's accuracy, and short files. */
export const DEGREE_DECIMALS = 7;
/** Millimetres. */
export const METER_DECIMALS = 3;

/** The `crs` member form QGIS and GDAL read ("urn:ogc:def:crs:EPSG::4543"). */
export function crsUrn(epsg: number): string {
  return `urn:ogc:def:crs:EPSG::${epsg}`;
}

export interface GeoJsonExportOptions {
  /** Positions in this CRS; absent keeps WGS 84 lon/lat. */
  projection?: GaussKrugerProjection | undefined;
  /** Each feature also carries its status on this past day (YYYY-MM-DD). */
  statusAsOfDate?: string | undefined;
}

/** The properties a past day adds: still a valid layer file, as the layer schemas allow other properties. */
const STATUS_AS_OF = 'status_as_of';
const STATUS_AS_OF_DATE = 'status_as_of_date';

/**
 * The properties with the status on `isoDate` (null before the project's first entry) and that
 * date; a property of the data with one of these names is kept as `<name>_attribute`, as in a CSV.
 */
function withStatusOnDay(properties: PlanFeatureProperties, isoDate: string): Record<string, unknown> {
  // No prototype: a "__proto__" key from the data stays an ordinary key.
  const result = Object.assign(Object.create(null) as Record<string, unknown>, properties);
  for (const key of [STATUS_AS_OF, STATUS_AS_OF_DATE]) {
    if (Object.hasOwn(properties, key)) result[`${key}_attribute`] = properties[key];
  }
  result[STATUS_AS_OF] = statusAsOf(properties, isoDate);
  result[STATUS_AS_OF_DATE] = isoDate;
  return result;
}

/**
 * A layer's features as GeoJSON text. Without a projection it is RFC 7946: WGS 84 lon/lat to 7
 * decimals and no `crs` member. With one, positions are that CRS's metres to 3 decimals under a
 * `crs` member (the 2008 GeoJSON form, outside RFC 7946, which QGIS honours).
 *
 * The text depends only on the data: keys in a fixed order (Feature: type, id, geometry,
 * properties; properties in schema order, then the rest by code point) and one feature per line,
 * like the files in geodata/, so exporting the same data twice gives the same bytes. `name` is the
 * layer id, which GDAL and QGIS take as the layer name. For a past day each feature also has
 * `status_as_of` (its status then) and `status_as_of_date`, beside its current `status`.
 */
export function exportGeoJsonText(definition: LayerDefinition, features: readonly PlanFeature[], options: GeoJsonExportOptions = {}): string {
  const { projection, statusAsOfDate } = options;
  const output: PositionOutput = projection ? { project: projection.forward, decimals: METER_DECIMALS } : { decimals: DEGREE_DECIMALS };
  const order = schemaPropertyOrder(definition);
  const lines = features.map((feature) => JSON.stringify({
    type: 'Feature',
    id: feature.id,
    geometry: exportGeometry(feature.geometry, output),
    properties: orderedProperties(statusAsOfDate === undefined ? feature.properties : withStatusOnDay(feature.properties, statusAsOfDate), order),
  }));
  const crs = projection ? `"crs": ${JSON.stringify({ type: 'name', properties: { name: crsUrn(projection.epsg) } })},\n` : '';
  return `{\n"type": "FeatureCollection",\n"name": ${JSON.stringify(definition.id)},\n${crs}"features": [${lines.length > 0 ? `\n${lines.join(',\n')}\n` : ''}]\n}\n`;
}
