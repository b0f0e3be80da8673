import type { LayerDefinition } from '../manifest';
import type { PlanFeature } from '../planFeature';
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

/**
 * A layer's features as GeoJSON text. Without a projection it is RFC 7946: WGS 84 lon/lat to 7
 * decimals and no `crs` member. With one, positions are that CRS's metres to 3 decimals under a
 * `crs` member (the 2008 GeoJSON form, outside RFC 7946, which QGIS honours).
 *
 * The text depends only on the data: keys in a fixed order (Feature: type, id, geometry,
 * properties; properties in schema order, then the rest by code point) and one feature per line,
 * like the files in geodata/, so exporting the same data twice gives the same bytes. `name` is the
 * layer id, which GDAL and QGIS take as the layer name.
 */
export function exportGeoJsonText(definition: LayerDefinition, features: readonly PlanFeature[], projection?: GaussKrugerProjection): string {
  const output: PositionOutput = projection ? { project: projection.forward, decimals: METER_DECIMALS } : { decimals: DEGREE_DECIMALS };
  const order = schemaPropertyOrder(definition);
  const lines = features.map((feature) => JSON.stringify({
    type: 'Feature',
    id: feature.id,
    geometry: exportGeometry(feature.geometry, output),
    properties: orderedProperties(feature.properties, order),
  }));
  const crs = projection ? `"crs": ${JSON.stringify({ type: 'name', properties: { name: crsUrn(projection.epsg) } })},\n` : '';
  return `{\n"type": "FeatureCollection",\n"name": ${JSON.stringify(definition.id)},\n${crs}"features": [${lines.length > 0 ? `\n${lines.join(',\n')}\n` : ''}]\n}\n`;
}
