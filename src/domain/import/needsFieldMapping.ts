import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';

/**
 * True when some feature lacks what every plan feature has (an id, a name, a status and a
 * history): a shapefile or a QGIS export whose columns must be mapped before it can be saved.
 */
export function needsFieldMapping(collection: FeatureCollection<Geometry | null, GeoJsonProperties>): boolean {
  return collection.features.some((feature) => {
    const properties = feature.properties ?? {};
    const hasId = typeof feature.id === 'string' || typeof feature.id === 'number';
    return !hasId || typeof properties.name !== 'string' || typeof properties.status !== 'string' || !Array.isArray(properties.history);
  });
}
