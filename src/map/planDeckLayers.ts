import { GeoJsonLayer } from '@deck.gl/layers';
import type { AccessorContext, Layer } from '@deck.gl/core';
import type { LayerDefinition } from '../domain/plan/manifest';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { Feature } from 'geojson';
import type { PlanGeometry } from '../domain/plan/planFeature';
import type { LayerFilter } from '../domain/browse/featureFilter';
import type { Bounds } from '../domain/measure/featureBounds';
import { NO_STATUS, statusCodesAsOf } from '../domain/progress/statusCodesAsOf';
import { colorFromHex, darken, type Rgba } from './colorFromHex';
import { FIRST_LABEL_LAYER_ID } from './basemapStyle';
import { PLAN_FILL_ALPHA } from './planFillAlpha';
import type { LayerDrawing } from './layerDrawing';
import {
  allowedCodes, colorsByCode, COMPARE_SUFFIX, deckLayerId, DETAIL_SUFFIX, drawnTriggers, PLAN_PREFIX, placementProps, writeRgba,
  type DrawProps, type InterleavedProps, type Side,
} from './planLayerProps';
import { pointLayers } from './pointDeckLayers';
import { PointQuadLayer } from './pointQuadLayer/PointQuadLayer';
import { pointQuads } from './pointQuadLayer/pointQuads';
import type { PlanDrawingState } from './PlanDrawingState';
import { PartMeshLayer, type PartMesh } from './partMeshLayer/PartMeshLayer';
import { OVERVIEW_MAX_ZOOM } from '../domain/columns/geometryColumns';
import { geometryFromColumns } from '../domain/columns/geometryFromColumns';
import { SegmentQuadLayer } from './segmentQuadLayer/SegmentQuadLayer';
import { segmentQuads } from './segmentQuadLayer/segmentQuads';

export interface PlanDeckState {
  /** The manifest's layers, in drawing order: those not loaded yet get an empty placeholder. */
  definitions?: readonly LayerDefinition[];
  layers: readonly MeasuredLayer[];
  /** Every layer of the manifest has arrived (they load while the basemap does). */
  complete: boolean;
  visibleLayerIds: ReadonlySet<string>;
  filters: Record<string, LayerFilter | undefined>;
  selected?: { layerId: string; featureId: string };
  /** Features a tour scene points at, outlined like the selection. */
  highlighted?: readonly { layerId: string; featureId: string }[];
  /** The selection outline must stand out on either basemap. */
  theme?: 'light' | 'dark';
  /**
   * Layers MapLibre draws from the server's vector tiles (tiledLayerStyle) instead of deck.gl, and
   * the version each was last announced at: a new version reloads its tiles.
   */
  tiled?: { ids: ReadonlySet<string>; versions: Readonly<Record<string, string>> };
  /** The day the map shows: each feature takes the status it had then (YYYY-MM-DD). */
  asOfDate: string;
  /** Swipe comparison: west of the split the map shows this earlier (or later) day. */
  compareAsOfDate?: string;
  /** Points and clusters grow by this factor on large screens (the map's control scale); 1 when absent. */
  pointScale?: number;
  /**
   * At the detail zoom, points are drawn only inside this box (longitude, latitude; the map sets it
   * around its view): drawing every point's quad in each frame cost twice MapLibre's pan frame.
   * Absent (a print): every point.
   */
  pointBox?: Bounds;
}


/** The plan layer a picked deck layer draws (its fills, detail or overview, or its roads); null for the selection outline. */
export function planLayerIdOfDeckLayer(id: string): string | null {
  const bare = id.replace(COMPARE_SUFFIX, '').replace(DETAIL_SUFFIX, '');
  if (!bare.startsWith(PLAN_PREFIX) || bare === 'plan-selection') return null;
  return bare.slice(PLAN_PREFIX.length);
}

/**
 * Polygon outlines are drawn from this zoom on, where parcels are large enough to need them; below
 * it they cost more frame time than they add (npm run bench, software GL).
 */
export const OUTLINE_MIN_ZOOM = 13.5;
/** How much of the geometry the plan layers draw at a zoom: the deck layers change only when this does. */
export function drawingDetailAt(zoom: number): number {
  return (zoom >= OVERVIEW_MAX_ZOOM ? 1 : 0) + (zoom >= OUTLINE_MIN_ZOOM ? 1 : 0);
}

/** Default width of a road without `widthMeters`. */
const DEFAULT_ROAD_WIDTH_METERS = 30;
/** A sub-district code no filter lets through (streets are coded from 0 up). */
const NO_STREET_CODE = 0xffff;



function planLayers(layer: MeasuredLayer, drawing: LayerDrawing, state: PlanDeckState, side: Side, zoom: number): Layer[] {
  const { definition, columns } = layer;
  const { geometry } = drawing;
  const codes = statusCodesAsOf(columns, side.asOfDate);
  const colors = colorsByCode(definition, columns.statusIds);
  const fallback = colorFromHex(definition.color, PLAN_FILL_ALPHA);
  const colorOfFeature = (featureIndex: number): Rgba => colors[codes[featureIndex] ?? NO_STATUS] ?? fallback;
  const filter = state.filters[definition.id];
  const filterCategories = [allowedCodes(filter?.statuses, columns.statusIds), allowedCodes(filter?.streets, columns.streets)];
  // Projects not in the plan yet on the day shown carry NO_STATUS, a code no filter lets through;
  // projects a feature list (只看预警项目) leaves out carry NO_STREET_CODE likewise.
  const only = filter?.features;
  const categoriesOfFeature = (featureIndex: number, target: number[]): number[] => {
    target[0] = codes[featureIndex] ?? NO_STATUS;
    target[1] = only && only[featureIndex] !== 1 ? NO_STREET_CODE : (columns.streetCode[featureIndex] ?? 0);
    return target;
  };
  const common = {
    ...placementProps(side, geometry.origin),
    visible: state.visibleLayerIds.has(definition.id),
    filterCategories,
  };
  const triggers = [definition, side.asOfDate, only];
  if (definition.geometry === 'point') {
    return pointLayers(layer, drawing, side, zoom, { common, codes, filter, colorOfFeature, statusColors: colors, categoriesOfFeature, triggers, scale: state.pointScale ?? 1, ...(state.pointBox ? { pointBox: state.pointBox } : {}) });
  }
  if (definition.geometry === 'line') return [roadLayer(layer, drawing, side, common, colorOfFeature, categoriesOfFeature, triggers)];
  // Fills and outlines have a row per polygon part.
  const colorOfPart = (index: number) => colorOfFeature(geometry.partFeature[index] ?? 0);
  const getFilterCategory = (_: unknown, { index, target }: AccessorContext<unknown>) => categoriesOfFeature(geometry.partFeature[index] ?? 0, target as number[]);

  const fillLayer = (mesh: PartMesh, id: string, visible: boolean) => new PartMeshLayer<unknown, DrawProps>({
    ...common,
    visible: common.visible && visible,
    id,
    updateTriggers: drawnTriggers(drawing, id, common.visible && visible, triggers),
    data: drawing.partRows,
    mesh,
    topology: 'triangle-list',
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
    getColor: (_: unknown, { index, target }: AccessorContext<unknown>) => writeRgba(target as Rgba, colorOfPart(index)),
    getFilterCategory,
  });
  // The overview keeps the placeholder's id: at the usual first zoom it is what the data replaces.
  const overview = drawing.overviewFills;
  const detailed = !overview || zoom >= OVERVIEW_MAX_ZOOM;
  if (detailed) drawing.detailDrawn = true;
  const fills = [
    ...(overview ? [fillLayer(overview, deckLayerId(definition.id, side), !detailed)] : []),
    ...(drawing.detailDrawn ? [fillLayer(drawing.fills, deckLayerId(definition.id, side, true), detailed)] : []),
  ];
  if (zoom < OUTLINE_MIN_ZOOM) return fills;
  const outlines = new PartMeshLayer<unknown, DrawProps>({
    ...common,
    id: `${PLAN_PREFIX}outline-${definition.id}${side.idSuffix}`,
    data: drawing.partRows,
    mesh: drawing.edges(),
    topology: 'line-list',
    pickable: false,
    getColor: (_: unknown, { index, target }: AccessorContext<unknown>) => {
      const [red, green, blue] = colorOfPart(index);
      return writeRgba(target as Rgba, darken([red, green, blue, 230], 0.72));
    },
    getFilterCategory,
    updateTriggers: { getColor: triggers, getFilterCategory: triggers },
  });
  return [...fills, outlines];
}

/*
 * A placeholder draws one invisible, zero-area shape: the GPU (SwiftShader, most of all) compiles
 * the layer's pipeline while the basemap loads, not in the frame that first shows the data.
 */
const WARM_UP_FILLS: PartMesh = { partCount: 1, partStart: new Uint32Array([0, 3]), positions: new Float32Array(6), indices: new Uint32Array([0, 1, 2]) };
const WARM_UP_SEGMENT = segmentQuads({
  kind: 'line', partCount: 1, vertexCount: 2, origin: [0, 0], positions: new Float32Array(4),
  partStart: new Uint32Array([0, 2]), partFeature: new Uint32Array([0]), ringStart: new Uint32Array([0, 2]), triangles: new Uint32Array(0),
});
const WARM_UP_POINT = pointQuads(new Float32Array(2));
const WARM_UP_ROWS = { length: 1 };
const INVISIBLE: Rgba = [0, 0, 0, 0];

/**
 * An empty deck.gl layer (but for its warm-up shape) where a layer will be drawn once it has loaded, with the same id, class
 * and extensions. MapLibre gets its custom layer while the basemap loads; adding it later, with
 * the data, would change the style and make MapLibre redo its label placement in a second full
 * frame (about half a second of software GL at 75k features).
 */
function placeholderLayer(definition: LayerDefinition, side: Side): Layer {
  const common = {
    ...placementProps(side, [0, 0]),
    id: deckLayerId(definition.id, side),
    filterCategories: [[], []],
    // DataFilterExtension maps a constant category through its transform: it must be a pair.
    getFilterCategory: () => [0, 0],
  };
  if (definition.geometry === 'line') return new SegmentQuadLayer<unknown, DrawProps>({ ...common, data: WARM_UP_ROWS, quads: WARM_UP_SEGMENT, getColor: INVISIBLE });
  if (definition.geometry === 'point') return new PointQuadLayer<unknown, DrawProps>({ ...common, data: WARM_UP_ROWS, quads: WARM_UP_POINT, getColor: INVISIBLE });
  return new PartMeshLayer<unknown, DrawProps>({ ...common, data: WARM_UP_ROWS, mesh: WARM_UP_FILLS, topology: 'triangle-list', getColor: INVISIBLE });
}


/** Roads as non-instanced quads (SegmentQuadLayer): at least 3 px wide, their real width when zoomed in. */
function roadLayer(
  layer: MeasuredLayer,
  drawing: LayerDrawing,
  side: Side,
  common: DrawProps & { visible: boolean },
  colorOfFeature: (featureIndex: number) => Rgba,
  categoriesOfFeature: (featureIndex: number, target: number[]) => number[],
  triggers: unknown[],
): Layer {
  const widths = layer.columns.widthMeters;
  const { rows, quads } = drawing.segments();
  const featureOf = (segment: number) => quads.segmentFeature[segment] ?? 0;
  const id = deckLayerId(layer.definition.id, side);
  return new SegmentQuadLayer<unknown, DrawProps>({
    ...common,
    id,
    data: rows,
    quads,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
    getColor: (_: unknown, { index, target }: AccessorContext<unknown>) => {
      const [red, green, blue] = colorOfFeature(featureOf(index));
      return writeRgba(target as Rgba, [red, green, blue, 255]);
    },
    getFilterCategory: (_: unknown, { index, target }: AccessorContext<unknown>) => categoriesOfFeature(featureOf(index), target as number[]),
    widthUnits: 'meters',
    widthMinPixels: 3,
    getWidth: (_: unknown, { index }: AccessorContext<unknown>) => {
      const width = widths[featureOf(index)] ?? Number.NaN;
      return Number.isFinite(width) && width > 0 ? width : DEFAULT_ROAD_WIDTH_METERS;
    },
    updateTriggers: drawnTriggers(drawing, id, common.visible, triggers),
  });
}

/** The feature a pick on a plan layer hit: fills and points pick parts, roads pick segments. */
export function featureIndexOfPick(drawings: PlanDrawingState, layer: MeasuredLayer, pickIndex: number): number {
  const drawing = drawings.drawingOf(layer);
  const featureIndex = layer.definition.geometry === 'line' ? drawing.segments().quads.segmentFeature[pickIndex] : drawing.geometry.partFeature[pickIndex];
  return featureIndex ?? -1;
}

/** The selection and tour outline: dark on the light basemap, amber on the dark one. */
export function selectionOutlineColor(theme: PlanDeckState['theme']): Rgba {
  return theme === 'dark' ? [255, 210, 122, 255] : [18, 24, 38, 255];
}

/** The selection outline's width in CSS pixels. */
export const SELECTION_OUTLINE_PIXELS = 3.5;

function selectionLayer(state: PlanDeckState, drawings: PlanDrawingState): Layer | null {
  const refs = [...(state.selected ? [state.selected] : []), ...(state.highlighted ?? [])];
  const features = refs.flatMap((ref): Feature<PlanGeometry, Record<string, never>>[] => {
    const layer = state.layers.find((candidate) => candidate.definition.id === ref.layerId);
    if (!layer || !state.visibleLayerIds.has(ref.layerId)) return [];
    const featureIndex = layer.indexOfId(ref.featureId);
    // Before a server-prepared layer's features arrive, the outline comes from its columns.
    const geometry = layer.featuresLoaded ? layer.featureAt(featureIndex)?.geometry : geometryFromColumns(drawings.drawingOf(layer).geometry, featureIndex);
    return geometry ? [{ type: 'Feature', geometry, properties: {} }] : [];
  });
  if (features.length === 0) return null;
  return new GeoJsonLayer<Record<string, never>, InterleavedProps>({
    id: 'plan-selection',
    beforeId: FIRST_LABEL_LAYER_ID,
    data: features,
    filled: false,
    stroked: true,
    getLineColor: selectionOutlineColor(state.theme),
    lineWidthUnits: 'pixels',
    getLineWidth: SELECTION_OUTLINE_PIXELS,
    lineJointRounded: true,
    // A selected point is ringed: a circle around its disc.
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 10,
  });
}

/**
 * Every deck.gl layer of the map, plan layers in manifest order and the selection outline on top.
 * With a comparison date, each plan layer is drawn twice, clipped either side of `splitLongitude`.
 * `drawings` is the drawing map's own record of what it has drawn, and is updated.
 */
export function planDeckLayers(state: PlanDeckState, drawings: PlanDrawingState, zoom: number, splitLongitude?: number): Layer[] {
  const sides: Side[] = state.compareAsOfDate !== undefined && splitLongitude !== undefined
    ? [
        { asOfDate: state.compareAsOfDate, idSuffix: COMPARE_SUFFIX, clipBounds: [-180, -90, splitLongitude, 90] },
        { asOfDate: state.asOfDate, idSuffix: '', clipBounds: [splitLongitude, -90, 180, 90] },
      ]
    : [{ asOfDate: state.asOfDate, idSuffix: '' }];
  const definitions = state.definitions ?? state.layers.map((layer) => layer.definition);
  const layers = sides.flatMap((side) => definitions.flatMap((definition) => {
    const layer = state.layers.find((candidate) => candidate.definition.id === definition.id);
    return layer ? planLayers(layer, drawings.drawingOf(layer), state, side, zoom) : [placeholderLayer(definition, side)];
  }));
  const selection = selectionLayer(state, drawings);
  return selection ? [...layers, selection] : layers;
}
