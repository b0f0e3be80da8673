import type { FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { roundTo } from '../export/roundTo';

/** Decimals of degrees kept of reprojected coordinates: 7 ≈ 1 cm, as the RFC 7946 export writes them. */
export const IMPORT_COORDINATE_DECIMALS = 7;

function roundPosition(position: Position, decimals: number): Position {
  return position.map((value) => roundTo(value, decimals));
}

function roundGeometry(geometry: Geometry, decimals: number): Geometry {
  switch (geometry.type) {
    case 'Point': return { ...geometry, coordinates: roundPosition(geometry.coordinates, decimals) };
    case 'MultiPoint':
    case 'LineString': return { ...geometry, coordinates: geometry.coordinates.map((position) => roundPosition(position, decimals)) };
    case 'MultiLineString':
    case 'Polygon': return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map((position) => roundPosition(position, decimals))) };
    case 'MultiPolygon': return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((position) => roundPosition(position, decimals)))) };
    case 'GeometryCollection': return { ...geometry, geometries: geometry.geometries.map((part) => roundGeometry(part, decimals)) };
  }
}

/**
 * The collection with every coordinate rounded to `decimals` places. Reprojection gives
 * 15-digit doubles (102.70412345678901) that bloat the file and make diffs in QGIS or a text
 * editor noisy; a centimetre is far finer than any survey. A feature's bbox is rounded too.
 */
export function roundedCoordinates(
  collection: FeatureCollection<Geometry | null, GeoJsonProperties>,
  decimals: number = IMPORT_COORDINATE_DECIMALS,
): FeatureCollection<Geometry | null, GeoJsonProperties> {
  return {
    ...collection,
    features: collection.features.map((feature) => {
      const rounded = { ...feature, geometry: feature.geometry ? roundGeometry(feature.geometry, decimals) : null };
      if (feature.bbox) rounded.bbox = feature.bbox.map((value) => roundTo(value, decimals)) as typeof feature.bbox;
      return rounded;
    }),
  };
}
