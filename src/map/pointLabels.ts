import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';
import { filterMask } from '../domain/browse/featureFilter';
import { statusCodesAsOf } from '../domain/progress/statusCodesAsOf';
import { LABEL_FONT } from './basemapStyle';
import type { PlanDeckState } from './planDeckLayers';
import type { PlanDrawingState } from './PlanDrawingState';

/** Points are named from this zoom on: closer, a street's facilities have room for their names. */
export const POINT_LABEL_MIN_ZOOM = 16;
export const POINT_LABEL_SOURCE_ID = 'plan-point-labels';
/** More names than this in one view would only collide: MapLibre drops the overlapping ones anyway. */
const MAX_LABELS = 500;

const NO_POINT_LABELS: FeatureCollection<Point, { name: string }> = { type: 'FeatureCollection', features: [] };

/**
 * The names of the points in view that the map shows (visible layers, their filters, the day
 * shown), for a MapLibre symbol layer: MapLibre draws Chinese with the local CJK font and keeps
 * names from colliding, which deck.gl's TextLayer does not (docs/stack-notes.md, Map libraries).
 * Only the points in `bounds` go to MapLibre, so 100,000 points cost it nothing.
 */
export function pointLabelCollection(state: PlanDeckState, drawings: PlanDrawingState, bounds: [number, number, number, number]): FeatureCollection<Point, { name: string }> {
  const [west, south, east, north] = bounds;
  const features: FeatureCollection<Point, { name: string }>['features'] = [];
  for (const layer of state.layers) {
    if (layer.definition.geometry !== 'point' || !state.visibleLayerIds.has(layer.definition.id)) continue;
    const { geometry } = drawings.drawingOf(layer);
    const shown = filterMask(layer, state.filters[layer.definition.id], statusCodesAsOf(layer.columns, state.asOfDate));
    const { positions, partFeature, partStart, origin } = geometry;
    for (let part = 0; part < geometry.partCount && features.length < MAX_LABELS; part++) {
      const featureIndex = partFeature[part] ?? 0;
      if (shown[featureIndex] !== 1) continue;
      const vertex = partStart[part] ?? 0;
      const longitude = (positions[2 * vertex] ?? 0) + origin[0];
      const latitude = (positions[2 * vertex + 1] ?? 0) + origin[1];
      if (longitude < west || longitude > east || latitude < south || latitude > north) continue;
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [longitude, latitude] }, properties: { name: layer.nameAt(featureIndex) } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Names under their points, dark with a white halo: legible on the light and the dark basemap; `scale` grows them on large screens. */
export function pointLabelLayer(scale: number): SymbolLayerSpecification {
  return {
    id: POINT_LABEL_SOURCE_ID,
    type: 'symbol',
    source: POINT_LABEL_SOURCE_ID,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT,
      'text-size': 12 * scale,
      'text-anchor': 'top',
      'text-offset': [0, 0.8],
      'text-optional': true,
    },
    paint: { 'text-color': '#1b2330', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
  };
}

/**
 * The point names of one map: the source and its layer join the style the first time a point
 * layer is shown close enough (above everything, so names stay readable), and follow each move.
 */
export class PointLabels {
  /** Whether the source holds names now: an empty one is not set empty again on every move. */
  private shown = false;

  constructor(private readonly map: MapLibreMap, private readonly scale: number) {}

  /** A new basemap style comes without the source. */
  styleReplaced(): void {
    this.shown = false;
  }

  update(state: PlanDeckState, drawings: PlanDrawingState): void {
    if (!state.layers.some((layer) => layer.definition.geometry === 'point')) return;
    const wanted = this.map.getZoom() >= POINT_LABEL_MIN_ZOOM;
    if ((!wanted && !this.shown) || !this.map.isStyleLoaded()) return;
    const bounds = this.map.getBounds();
    const data = wanted ? pointLabelCollection(state, drawings, [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]) : NO_POINT_LABELS;
    const source = this.map.getSource<GeoJSONSource>(POINT_LABEL_SOURCE_ID);
    if (source) source.setData(data);
    else {
      this.map.addSource(POINT_LABEL_SOURCE_ID, { type: 'geojson', data });
      this.map.addLayer(pointLabelLayer(this.scale));
    }
    this.shown = wanted;
  }
}
