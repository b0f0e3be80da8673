import type { FilterSpecification, LayerSpecification, Map as MapLibreMap, PointLike, VectorTileSource } from 'maplibre-gl';
import type { LayerDefinition } from '../domain/plan/manifest';
import { TILE_ATTRIBUTES } from '../domain/tiles/tileAttributes';
import type { PlanDeckState } from './planDeckLayers';
import { SELECTION_OUTLINE_PIXELS, selectionOutlineColor } from './planDeckLayers';
import { TILED_LAYER_BEFORE_ID, tiledLayerSource, tiledLayerStyleLayers, tiledSourceId } from './tiledLayerStyle';

/** A project of a tiled layer under the pointer: its layer and its own id (the tile's `id` attribute). */
export interface TiledPick {
  layerId: string;
  featureId: string;
}

function selectionLayerId(layerId: string): string {
  return `${tiledSourceId(layerId)}-selected`;
}

function outlinedIds(state: PlanDeckState, layerId: string): string[] {
  const refs = [...(state.selected ? [state.selected] : []), ...(state.highlighted ?? [])];
  return refs.filter((ref) => ref.layerId === layerId).map((ref) => ref.featureId);
}

function cssColor([red, green, blue, alpha]: readonly number[]): string {
  return `rgba(${red ?? 0}, ${green ?? 0}, ${blue ?? 0}, ${(alpha ?? 255) / 255})`;
}

/**
 * The map's layers drawn by MapLibre from the server's vector tiles (docs/tiles.md): a source and
 * fill, outline and selection layers per tiled plan layer, kept in step with the app's state
 * (statuses, sub-districts, day, visibility, selection) by changing only what differs, so a
 * filter click is one restyle and no tile is fetched again. A basemap switch replaces the style:
 * the layers are added again on the next styledata.
 */
export class TiledMapLayers {
  /** What each style layer was last given, by style layer id, so an unchanged state sets nothing. */
  private readonly applied = new Map<string, string>();
  private readonly tileVersions = new Map<string, string>();
  private state: PlanDeckState | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly origin: string,
  ) {
    map.on('styledata', () => this.apply());
  }

  /** Draws `state`'s tiled layers (those not in its visible layers hidden, as until the basemap has settled). */
  update(state: PlanDeckState): void {
    this.state = state;
    this.apply();
  }

  /** The style layers a tiled plan layer is drawn with, for picking and tests. */
  fillLayerIds(): string[] {
    return this.tiledDefinitions().map((definition) => `${tiledSourceId(definition.id)}-fill`).filter((id) => this.map.getLayer(id) !== undefined);
  }

  /** The tiled project drawn under `point` (CSS pixels in the map), top layer first; null when none is. */
  pickAt(point: PointLike, radiusPixels: number): TiledPick | null {
    const layers = this.fillLayerIds();
    if (layers.length === 0) return null;
    const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
    const found = this.map.queryRenderedFeatures([[x - radiusPixels, y - radiusPixels], [x + radiusPixels, y + radiusPixels]], { layers });
    for (const feature of found) {
      const featureId = feature.properties[TILE_ATTRIBUTES.id];
      const layerId = feature.sourceLayer;
      if (typeof featureId === 'string' && typeof layerId === 'string') return { layerId, featureId };
    }
    return null;
  }

  private tiledDefinitions(): LayerDefinition[] {
    const state = this.state;
    if (!state?.tiled || state.tiled.ids.size === 0) return [];
    return (state.definitions ?? state.layers.map((layer) => layer.definition)).filter((definition) => state.tiled?.ids.has(definition.id));
  }

  private apply(): void {
    const state = this.state;
    // The style's own document, not its tiles: isStyleLoaded() waits for every tile as well, and a
    // filter click while tiles load must restyle at once. Style changes throw before the document is in.
    if (!state || !this.map.style?._loaded) return;
    for (const definition of this.tiledDefinitions()) this.applyLayer(definition, state);
  }

  private applyLayer(definition: LayerDefinition, state: PlanDeckState): void {
    const sourceId = tiledSourceId(definition.id);
    const source = this.map.getSource<VectorTileSource>(sourceId);
    const version = state.tiled?.versions[definition.id] ?? '';
    if (!source) {
      this.map.addSource(sourceId, tiledLayerSource(definition.id, this.origin));
      this.tileVersions.set(definition.id, version);
      // A new style holds none of the layers: whatever was applied before is gone with it.
      for (const key of [...this.applied.keys()]) if (key.startsWith(sourceId)) this.applied.delete(key);
    } else if (this.tileVersions.get(definition.id) !== version) {
      // A save through this or another server: the same addresses, new tiles (their ETag names the revision).
      this.tileVersions.set(definition.id, version);
      source.setTiles([...(tiledLayerSource(definition.id, this.origin).tiles ?? [])]);
    }
    const visible = state.visibleLayerIds.has(definition.id);
    const selected = outlinedIds(state, definition.id);
    const selection: LayerSpecification = {
      id: selectionLayerId(definition.id), type: 'line', source: sourceId, 'source-layer': definition.id,
      filter: ['in', ['get', TILE_ATTRIBUTES.id], ['literal', selected]],
      paint: { 'line-color': cssColor(selectionOutlineColor(state.theme)), 'line-width': SELECTION_OUTLINE_PIXELS },
    };
    for (const layer of [...tiledLayerStyleLayers(definition, state.filters[definition.id], state.asOfDate), selection]) {
      this.applyStyleLayer(layer, visible && (layer.id !== selection.id || selected.length > 0));
    }
  }

  private applyStyleLayer(layer: LayerSpecification, visible: boolean): void {
    if (layer.type !== 'fill' && layer.type !== 'line') return;
    const wanted = JSON.stringify([layer.filter, layer.paint, visible]);
    if (this.applied.get(layer.id) === wanted && this.map.getLayer(layer.id)) return;
    const layout = { visibility: visible ? 'visible' : 'none' } as const;
    if (!this.map.getLayer(layer.id)) {
      const beforeId = this.map.getLayer(TILED_LAYER_BEFORE_ID) ? TILED_LAYER_BEFORE_ID : undefined;
      this.map.addLayer({ ...layer, layout }, beforeId);
    } else {
      this.map.setFilter(layer.id, layer.filter as FilterSpecification);
      // Only the colour follows the state (the day's statuses, the theme); opacity and widths are fixed.
      if (layer.type === 'fill') this.map.setPaintProperty(layer.id, 'fill-color', layer.paint?.['fill-color']);
      else this.map.setPaintProperty(layer.id, 'line-color', layer.paint?.['line-color']);
      this.map.setLayoutProperty(layer.id, 'visibility', layout.visibility);
    }
    this.applied.set(layer.id, wanted);
  }
}
