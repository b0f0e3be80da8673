import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { featureBounds } from '../domain/measure/featureBounds';
import { isLonLatBounds } from '../domain/import/issueBounds';

const SOURCE_ID = 'import-outline';
const LAYER_ID = 'import-outline-line';
/** Points of an import (a point layer's file): rings around where they will stand. */
const POINT_LAYER_ID = 'import-outline-point';
/** The app's accent blue, dashed: unlike any status colour, and read as "not saved yet". */
const OUTLINE_COLOR = '#1f5fa8';

const shown = new WeakMap<MapLibreMap, { data: FeatureCollection; restore: () => void; keepOnTop: () => void }>();

/** deck.gl adds its layers to the style as they appear (outlines past a zoom, the selection): the outline stays above them. */
function moveToTop(map: MapLibreMap): void {
  const order = map.getLayersOrder();
  if (map.getLayer(LAYER_ID) && order[order.length - 1] !== LAYER_ID && order[order.length - 1] !== POINT_LAYER_ID) map.moveLayer(LAYER_ID);
  if (map.getLayer(POINT_LAYER_ID) && order[order.length - 1] !== POINT_LAYER_ID) map.moveLayer(POINT_LAYER_ID);
}

/**
 * Rings as lines: the map's tiler drops a polygon of zero area, and a bow-tie (a problem the
 * outline must show) has zero signed area.
 */
function asLines(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { type: 'MultiLineString', coordinates: geometry.coordinates };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiLineString', coordinates: geometry.coordinates.flat() };
  return geometry;
}

/** Features the map can draw: a geometry in real lon/lat (a swapped or projected one cannot be projected). */
function drawable(collection: FeatureCollection<Geometry | null>): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  for (const feature of collection.features) {
    const bounds = featureBounds(feature.geometry);
    if (feature.geometry && bounds && isLonLatBounds(bounds)) features.push({ type: 'Feature', properties: {}, geometry: asLines(feature.geometry) });
  }
  return { type: 'FeatureCollection', features };
}

function draw(map: MapLibreMap, data: FeatureCollection): void {
  try {
    const source = map.getSource<GeoJSONSource>(SOURCE_ID);
    if (source) source.setData(data);
    else map.addSource(SOURCE_ID, { type: 'geojson', data });
    if (!map.getLayer(LAYER_ID))
      map.addLayer({ id: LAYER_ID, type: 'line', source: SOURCE_ID, paint: { 'line-color': OUTLINE_COLOR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] } });
    if (!map.getLayer(POINT_LAYER_ID)) {
      map.addLayer({
        id: POINT_LAYER_ID, type: 'circle', source: SOURCE_ID, filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
        paint: { 'circle-radius': 7, 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-stroke-color': OUTLINE_COLOR, 'circle-stroke-width': 2.5 },
      });
    }
  } catch {
    // The style is still loading: draw once it is.
    map.once('idle', () => { const current = shown.get(map); if (current) draw(map, current.data); });
  }
}

/**
 * Outlines the features of an import that is not on the map yet (before its preview), so a
 * problem clicked in the import panel shows its feature; null removes the outline. Drawn as a
 * MapLibre layer above the plan layers, and drawn again after a basemap change replaces the style.
 */
export function showImportOutline(map: MapLibreMap | undefined, collection: FeatureCollection<Geometry | null> | null): void {
  if (!map) return;
  const current = shown.get(map);
  if (!collection) {
    if (!current) return;
    map.off('style.load', current.restore);
    map.off('styledata', current.keepOnTop);
    shown.delete(map);
    try {
      if (map.getLayer(LAYER_ID)) map.removeLayer(LAYER_ID);
      if (map.getLayer(POINT_LAYER_ID)) map.removeLayer(POINT_LAYER_ID);
      if (map.getSource(SOURCE_ID)) map.removeSource(SOURCE_ID);
    } catch {
      // A map being torn down or restyled has no outline left to remove.
    }
    return;
  }
  const data = drawable(collection);
  if (current) current.data = data;
  else {
    const entry = { data, restore: () => draw(map, entry.data), keepOnTop: () => moveToTop(map) };
    shown.set(map, entry);
    map.on('style.load', entry.restore);
    map.on('styledata', entry.keepOnTop);
  }
  draw(map, data);
}
