import type { Geometry, Position } from 'geojson';
import type { MeasuredLayer } from './measuredLayer';
import { geometryFromColumns } from '../columns/geometryFromColumns';

export type Bounds = [west: number, south: number, east: number, north: number];

function extend(bounds: Bounds, position: Position): void {
  const [longitude, latitude] = position;
  if (longitude === undefined || latitude === undefined) return;
  bounds[0] = Math.min(bounds[0], longitude);
  bounds[1] = Math.min(bounds[1], latitude);
  bounds[2] = Math.max(bounds[2], longitude);
  bounds[3] = Math.max(bounds[3], latitude);
}

function visit(geometry: Geometry, bounds: Bounds): void {
  switch (geometry.type) {
    case 'Point': extend(bounds, geometry.coordinates); break;
    case 'MultiPoint': case 'LineString': geometry.coordinates.forEach((position) => extend(bounds, position)); break;
    case 'MultiLineString': case 'Polygon': geometry.coordinates.flat().forEach((position) => extend(bounds, position)); break;
    case 'MultiPolygon': geometry.coordinates.flat(2).forEach((position) => extend(bounds, position)); break;
    case 'GeometryCollection': geometry.geometries.forEach((part) => visit(part, bounds)); break;
  }
}

/** The [west, south, east, north] box of a geometry, or null when it has no positions. */
export function featureBounds(geometry: Geometry | null | undefined): Bounds | null {
  if (!geometry) return null;
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  visit(geometry, bounds);
  return Number.isFinite(bounds[0]) ? bounds : null;
}

/**
 * The box of a layer's feature: from its flattened geometry when the layer has one (a layer
 * prepared for the map, whose features may not be loaded yet), else from the feature itself.
 */
export function layerFeatureBounds(layer: MeasuredLayer, featureIndex: number): Bounds | null {
  const geometry = layer.geometry ? geometryFromColumns(layer.geometry, featureIndex) : layer.featureAt(featureIndex)?.geometry;
  return featureBounds(geometry);
}
