import type { ExpressionSpecification, FilterSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { LayerFilter } from '../domain/browse/featureFilter';
import { dayKey } from '../domain/columns/layerColumns';
import type { LayerDefinition } from '../domain/plan/manifest';
import { historyDayAttribute, historyStatusAttribute, TILE_ATTRIBUTES, TILE_HISTORY_SLOTS } from '../domain/tiles/tileAttributes';
import { FIRST_LABEL_LAYER_ID } from './basemapStyle';
import { PLAN_FILL_ALPHA } from './planFillAlpha';
import { OUTLINE_MIN_ZOOM } from './planDeckLayers';

/*
 * A layer too large to send whole (domain/tiles/tiledLayer.ts) drawn by MapLibre from the
 * server's vector tiles, with what the deck.gl layers use: the manifest's status colours at the
 * same opacity, and the filter of the app's state (statuses, sub-districts, a project list, the
 * day shown). The deck.gl path for other layers does not change.
 */

/** Tiles are made up to this zoom; MapLibre over-zooms them beyond, where parcels are already exact enough. */
export const TILED_LAYER_MAX_ZOOM = 16;

export function tiledSourceId(layerId: string): string {
  return `plan-tiles-${layerId}`;
}

export function tiledLayerSource(layerId: string, origin: string): VectorSourceSpecification {
  return { type: 'vector', tiles: [`${origin}/api/layers/${encodeURIComponent(layerId)}/tiles/{z}/{x}/{y}`], maxzoom: TILED_LAYER_MAX_ZOOM };
  // No promoteId: the MVT id stays the ordinal, which the project-list filter and feature state key on.
}

/**
 * The status of a tile feature on `isoDate`: tileFeatureStatusAsOf as a MapLibre expression; ''
 * for a project not in the plan yet (the NO_STATUS of the deck.gl path).
 */
export function statusAsOfExpression(isoDate: string | null): ExpressionSpecification {
  const current: ExpressionSpecification = ['coalesce', ['get', TILE_ATTRIBUTES.status], ''];
  if (isoDate === null) return current;
  const day = dayKey(isoDate);
  const branches: ExpressionSpecification[] = [];
  for (let slot = 1; slot <= TILE_HISTORY_SLOTS; slot++) {
    // A slot without a day (empty, or an unreadable date) never matches, as NaN never does in statusCodesAsOf.
    branches.push(['<=', ['coalesce', ['get', historyDayAttribute(slot)], Number.MAX_SAFE_INTEGER], day]);
    branches.push(['coalesce', ['get', historyStatusAttribute(slot)], '']);
  }
  return ['case', ['==', ['coalesce', ['get', TILE_ATTRIBUTES.historyCount], 0], 0], current, ...branches, ''] as ExpressionSpecification;
}

/**
 * filterMask's rule as a MapLibre filter: a status on the day, among the chosen statuses and
 * sub-districts when any are chosen, and among the listed projects (by ordinal, the MVT feature id)
 * when there is a list.
 */
export function tiledLayerFilter(filter: LayerFilter | undefined, isoDate: string | null): FilterSpecification {
  const status = statusAsOfExpression(isoDate);
  const conditions: ExpressionSpecification[] = [['!=', status, '']];
  if (filter && filter.statuses.length > 0) conditions.push(['in', status, ['literal', [...filter.statuses]]]);
  if (filter && filter.streets.length > 0) conditions.push(['in', ['coalesce', ['get', TILE_ATTRIBUTES.street], ''], ['literal', [...filter.streets]]]);
  if (filter?.features) {
    const listed: number[] = [];
    filter.features.forEach((passes, ordinal) => { if (passes === 1) listed.push(ordinal); });
    conditions.push(['in', ['id'], ['literal', listed]]);
  }
  return ['all', ...conditions];
}

/** The fill colour by status on the day: the manifest's colours, the layer's colour for statuses it does not list. */
export function statusColorExpression(definition: LayerDefinition, isoDate: string | null): ExpressionSpecification {
  if (definition.statuses.length === 0) return ['literal', definition.color] as unknown as ExpressionSpecification;
  return ['match', statusAsOfExpression(isoDate), ...definition.statuses.flatMap((status) => [status.id, status.color]), definition.color] as ExpressionSpecification;
}

/** A fill and an outline under the basemap's labels, as the deck.gl layers are placed. */
export function tiledLayerStyleLayers(definition: LayerDefinition, filter: LayerFilter | undefined, isoDate: string | null): LayerSpecification[] {
  const source = tiledSourceId(definition.id);
  const shown = tiledLayerFilter(filter, isoDate);
  return [
    {
      id: `${source}-fill`, type: 'fill', source, 'source-layer': definition.id, filter: shown,
      paint: { 'fill-color': statusColorExpression(definition, isoDate), 'fill-opacity': PLAN_FILL_ALPHA / 255 },
    },
    {
      id: `${source}-line`, type: 'line', source, 'source-layer': definition.id, filter: shown, minzoom: OUTLINE_MIN_ZOOM,
      paint: { 'line-color': statusColorExpression(definition, isoDate), 'line-width': 0.8 },
    },
  ];
}

/** Where the tiled layers go: under the first label layer, as the deck.gl plan layers. */
export const TILED_LAYER_BEFORE_ID = FIRST_LABEL_LAYER_ID;
