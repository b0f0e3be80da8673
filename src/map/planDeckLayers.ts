import { GeoJsonLayer, LineLayer } from '@deck.gl/layers';
import { ClipExtension, DataFilterExtension, type ClipExtensionProps, type DataFilterExtensionProps } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { LayerDefinition } from '../domain/manifest';
import type { Feature } from 'geojson';
import type { PlanFeature, PlanFeatureProperties, PlanGeometry } from '../domain/planFeature';
import type { LayerFilter } from '../domain/featureFilter';
import { colorFromHex, darken, type Rgba } from './colorFromHex';
import { FIRST_LABEL_LAYER_ID } from './basemapStyle';
import { PLAN_FILL_ALPHA } from './planFillAlpha';
import { polygonOutlineSegments, type OutlineSegment } from './polygonOutlineSegments';
import { statusAsOf } from '../domain/statusAsOf';

export interface PlanLayerInput {
  definition: LayerDefinition;
  features: PlanFeature[];
}

export interface PlanDeckState {
  layers: PlanLayerInput[];
  visibleLayerIds: ReadonlySet<string>;
  filters: Record<string, LayerFilter | undefined>;
  selected?: { layerId: string; featureId: string };
  /** Features a tour scene points at, outlined like the selection. */
  highlighted?: readonly { layerId: string; featureId: string }[];
  /** The selection outline must stand out on either basemap. */
  theme?: 'light' | 'dark';
  /** The day the map shows: each feature takes the status it had then (YYYY-MM-DD). */
  asOfDate: string;
  /** Swipe comparison: west of the split the map shows this earlier (or later) day. */
  compareAsOfDate?: string;
}

/** Deck layer ids: `plan-<layer id>`, and `plan-<layer id>--compare` for the other side of a swipe. */
export const COMPARE_SUFFIX = '--compare';

/**
 * Polygon outlines are drawn from this zoom on, where parcels are large enough to need them; below
 * it they cost more frame time than they add (npm run bench, software GL).
 */
export const OUTLINE_MIN_ZOOM = 13.5;
const clipExtension = new ClipExtension();

/**
 * One side of a swipe comparison: its day and, when split, the box it is clipped to (the map never
 * rotates, so the split, a vertical screen line, is a meridian).
 */
interface Side {
  asOfDate: string;
  idSuffix: string;
  clipBounds?: [number, number, number, number];
}

/** Two filter channels: the status and the sub-district of each feature. */
const filterExtension = new DataFilterExtension({ categorySize: 2 });

const NO_STREET = '';
/** A status id no lifecycle uses, for projects not yet in the plan on the day shown. */
const NOT_YET = '\u0000not-yet';

function statusColors(definition: LayerDefinition): Map<string, Rgba> {
  return new Map(definition.statuses.map((status) => [status.id, colorFromHex(status.color, PLAN_FILL_ALPHA)]));
}

function chosenOrAll(chosen: readonly string[] | undefined, all: readonly string[]): string[] {
  return chosen && chosen.length > 0 ? [...chosen] : [...all];
}

const streetsCache = new WeakMap<readonly DrawableFeature[], string[]>();

function streetsOf(features: readonly DrawableFeature[]): string[] {
  let streets = streetsCache.get(features);
  if (!streets) {
    streets = [...new Set(features.map((feature) => feature.properties.street ?? NO_STREET))];
    streetsCache.set(features, streets);
  }
  return streets;
}

type DrawableFeature = Feature<PlanGeometry, PlanFeatureProperties> & { id: string };

/** `beforeId` is read by @deck.gl/maplibre in interleaved mode: deck layers go under the labels. */
interface InterleavedProps {
  beforeId?: string;
}

const drawableCache = new WeakMap<readonly PlanFeature[], DrawableFeature[]>();

/**
 * Features without geometry (valid GeoJSON) have nothing to draw; they still count in the panels.
 * The same input array always gives the same output array: deck.gl re-tessellates on a new one.
 */
function drawable(features: readonly PlanFeature[]): DrawableFeature[] {
  let result = drawableCache.get(features);
  if (!result) {
    result = features.filter((feature): feature is DrawableFeature => feature.geometry !== null);
    drawableCache.set(features, result);
  }
  return result;
}

function planLayer(input: PlanLayerInput, state: PlanDeckState, side: Side, zoom: number): Layer[] {
  const { definition } = input;
  const features = drawable(input.features);
  const colors = statusColors(definition);
  const fallback = colorFromHex(definition.color, PLAN_FILL_ALPHA);
  // Projects that had no status yet on the day shown are not drawn: they were not in the plan then.
  const statusById = new Map(features.map((feature) => [feature.id, statusAsOf(feature.properties, side.asOfDate) ?? NOT_YET]));
  const statusOf = (feature: DrawableFeature): string => statusById.get(feature.id) ?? NOT_YET;
  const colorOf = (feature: DrawableFeature): Rgba => colors.get(statusOf(feature)) ?? fallback;
  const filter = state.filters[definition.id];
  const isLine = definition.geometry === 'line';
  const filterCategories = [
    chosenOrAll(filter?.statuses, definition.statuses.map((status) => status.id)),
    chosenOrAll(filter?.streets, streetsOf(features)),
  ];
  const categoriesOf = (feature: DrawableFeature) => [statusOf(feature), feature.properties.street ?? NO_STREET];
  const visible = state.visibleLayerIds.has(definition.id);
  const extensions = side.clipBounds ? [filterExtension, clipExtension] : [filterExtension];
  const clip = side.clipBounds ? { clipBounds: side.clipBounds } : {};
  const outlines = isLine || zoom < OUTLINE_MIN_ZOOM ? [] : [new LineLayer<OutlineSegment, InterleavedProps & DataFilterExtensionProps<OutlineSegment> & ClipExtensionProps>({
    id: `plan-outline-${definition.id}${side.idSuffix}`,
    beforeId: FIRST_LABEL_LAYER_ID,
    data: polygonOutlineSegments(features),
    visible,
    getSourcePosition: (segment) => segment.source as [number, number],
    getTargetPosition: (segment) => segment.target as [number, number],
    getColor: (segment) => {
      const feature = features[segment.featureIndex];
      const [red, green, blue] = feature ? colorOf(feature) : fallback;
      return darken([red, green, blue, 230], 0.72);
    },
    getWidth: 1,
    widthUnits: 'pixels',
    getFilterCategory: (segment) => {
      const feature = features[segment.featureIndex];
      return feature ? categoriesOf(feature) : [NOT_YET, NO_STREET];
    },
    filterCategories,
    extensions,
    ...clip,
    updateTriggers: { getColor: [definition, side.asOfDate], getFilterCategory: [side.asOfDate] },
  })];
  const fills = new GeoJsonLayer<PlanFeatureProperties, InterleavedProps & DataFilterExtensionProps<DrawableFeature> & ClipExtensionProps>({
    id: `plan-${definition.id}${side.idSuffix}`,
    beforeId: FIRST_LABEL_LAYER_ID,
    data: features,
    visible,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
    filled: !isLine,
    stroked: isLine,
    getFillColor: (feature) => colorOf(feature as DrawableFeature),
    getLineColor: (feature) => {
      const [red, green, blue] = colorOf(feature as DrawableFeature);
      return isLine ? [red, green, blue, 255] : darken([red, green, blue, 230], 0.72);
    },
    lineWidthUnits: isLine ? 'meters' : 'pixels',
    getLineWidth: (feature) => (isLine ? Number(feature.properties?.widthMeters ?? 30) : 1),
    lineWidthMinPixels: isLine ? 3 : 1,
    lineJointRounded: isLine,
    lineCapRounded: isLine,
    getFilterCategory: (feature) => categoriesOf(feature as DrawableFeature),
    filterCategories,
    extensions,
    ...clip,
    updateTriggers: {
      getFillColor: [definition, side.asOfDate],
      getLineColor: [definition, side.asOfDate],
      getFilterCategory: [side.asOfDate],
    },
  });
  return [fills, ...outlines];
}

function selectionLayer(state: PlanDeckState): Layer | null {
  const refs = [...(state.selected ? [state.selected] : []), ...(state.highlighted ?? [])];
  const features = refs.flatMap((ref) => {
    const input = state.layers.find((layer) => layer.definition.id === ref.layerId);
    const feature = input?.features.find((candidate) => candidate.id === ref.featureId);
    return feature && state.visibleLayerIds.has(ref.layerId) ? [feature] : [];
  });
  if (features.length === 0) return null;
  return new GeoJsonLayer<PlanFeatureProperties, InterleavedProps>({
    id: 'plan-selection',
    beforeId: FIRST_LABEL_LAYER_ID,
    data: drawable(features),
    filled: false,
    stroked: true,
    getLineColor: state.theme === 'dark' ? [255, 210, 122, 255] : [18, 24, 38, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3.5,
    lineJointRounded: true,
  });
}

/**
 * Every deck.gl layer of the map, plan layers in manifest order and the selection outline on top.
 * With a comparison date, each plan layer is drawn twice, clipped either side of `splitLongitude`.
 */
export function planDeckLayers(state: PlanDeckState, zoom: number, splitLongitude?: number): Layer[] {
  const sides: Side[] = state.compareAsOfDate !== undefined && splitLongitude !== undefined
    ? [
        { asOfDate: state.compareAsOfDate, idSuffix: COMPARE_SUFFIX, clipBounds: [-180, -90, splitLongitude, 90] },
        { asOfDate: state.asOfDate, idSuffix: '', clipBounds: [splitLongitude, -90, 180, 90] },
      ]
    : [{ asOfDate: state.asOfDate, idSuffix: '' }];
  const layers = sides.flatMap((side) => state.layers.flatMap((input) => planLayer(input, state, side, zoom)));
  const selection = selectionLayer(state);
  return selection ? [...layers, selection] : layers;
}
