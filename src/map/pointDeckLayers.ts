import { TextLayer } from '@deck.gl/layers';
import type { AccessorContext, Layer, PickingInfo } from '@deck.gl/core';
import type { MeasuredLayer } from '../domain/measure/measuredLayer';
import type { LayerFilter } from '../domain/browse/featureFilter';
import { filterMask } from '../domain/browse/featureFilter';
import { pointClusters, type PointClusters } from '../domain/columns/pointClusters';
import type { Bounds } from '../domain/measure/featureBounds';
import type { Rgba } from './colorFromHex';
import type { LayerDrawing } from './layerDrawing';
import { PointQuadLayer } from './pointQuadLayer/PointQuadLayer';
import { pointQuads, type PointQuads } from './pointQuadLayer/pointQuads';
import { pointsInBox } from './pointsInBox';
import { deckLayerId, drawnTriggers, PLAN_PREFIX, writeRgba, type DrawProps, type Side } from './planLayerProps';

/** From this zoom on each point (near the view) is drawn on its own; below it, points are aggregated into clusters. */
export const POINT_DETAIL_MIN_ZOOM = 14;
/** Clusters gather the points of square cells this many CSS pixels wide (fixed to the world, so a pan keeps them). */
export const CLUSTER_CELL_PIXELS = 60;
/** A single point's disc, CSS pixels without its outline: legible on a wall, small enough for a dense street. */
const POINT_RADIUS_PIXELS = 5;
const CLUSTER_MIN_RADIUS_PIXELS = 9;
const CLUSTER_MAX_RADIUS_PIXELS = 26;
/** Points are opaque: a dot has no area to see the basemap through, and its colour stays exactly the legend's. */
const POINT_ALPHA = 255;

/** A cluster's disc grows with the log of its count, so 10 and 10,000 points both read as "more". */
function clusterRadiusPixels(pointCount: number): number {
  if (pointCount <= 1) return POINT_RADIUS_PIXELS;
  return Math.min(CLUSTER_MAX_RADIUS_PIXELS, CLUSTER_MIN_RADIUS_PIXELS + 3 * Math.log2(pointCount));
}

/** Counts as a cluster shows them: the TextLayer draws ASCII only (docs/stack-notes.md, Map libraries). */
export function clusterCountText(pointCount: number): string {
  if (pointCount < 1000) return String(pointCount);
  return pointCount < 10_000 ? `${(pointCount / 1000).toFixed(1)}k` : `${Math.round(pointCount / 1000)}k`;
}

/** The rows of a cluster layer: the clusters, and what a click on one needs to zoom in. */
interface ClusterRows {
  length: number;
  clusters: PointClusters;
  quads: PointQuads;
  origin: [number, number];
  zoomLevel: number;
  counts: { position: [number, number]; text: string }[];
}

function isClusterRows(data: unknown): data is ClusterRows {
  return typeof data === 'object' && data !== null && 'clusters' in data && 'zoomLevel' in data;
}

/**
 * The rows of a detail layer: the points drawn, and for each row its part (null: row = part, every
 * point drawn), so a pick and the colour and filter accessors find the row's feature.
 */
interface DetailRows {
  length: number;
  parts: Uint32Array | null;
  quads: PointQuads;
}

function isDetailRows(data: unknown): data is DetailRows {
  return typeof data === 'object' && data !== null && 'parts' in data && 'quads' in data;
}

/** Per drawing: the last detail rows and the box they were cut for ('' for every point). */
const detailCache = new WeakMap<LayerDrawing, { key: string; rows: DetailRows }>();

/**
 * The points drawn at the detail zoom: those in `box`, or every point without one. Cached by box:
 * the map hands the same box while the view pans inside it, so the GPU buffers stay as they are.
 * The subset is spatial only: day and filter reach its rows through the GPU filter, as before.
 */
function detailRowsOf(drawing: LayerDrawing, box: Bounds | undefined): DetailRows {
  const key = box ? box.join(',') : '';
  const cached = detailCache.get(drawing);
  if (cached?.key === key) return cached.rows;
  const { geometry } = drawing;
  let rows: DetailRows;
  if (box) {
    const inBox = pointsInBox(geometry.positions, geometry.origin, box);
    rows = { length: inBox.parts.length, parts: inBox.parts, quads: pointQuads(inBox.positions) };
  } else {
    rows = { length: geometry.partCount, parts: null, quads: pointQuads(geometry.positions) };
  }
  detailCache.set(drawing, { key, rows });
  return rows;
}

/** Per drawing and side: the last clusters and what they were computed for. */
const clusterCache = new WeakMap<LayerDrawing, Map<string, { key: string; rows: ClusterRows }>>();

function clusterRowsOf(layer: MeasuredLayer, drawing: LayerDrawing, side: Side, codes: Uint16Array, filter: LayerFilter | undefined, zoom: number): ClusterRows {
  const zoomLevel = Math.floor(zoom);
  const key = JSON.stringify([side.asOfDate, filter?.statuses ?? [], filter?.streets ?? [], zoomLevel]);
  let bySide = clusterCache.get(drawing);
  if (!bySide) {
    bySide = new Map();
    clusterCache.set(drawing, bySide);
  }
  const cached = bySide.get(side.idSuffix);
  if (cached?.key === key) return cached.rows;
  const shown = filterMask(layer, filter, codes);
  const clusters = pointClusters(drawing.geometry, shown, codes, layer.columns.statusIds.length, zoomLevel, CLUSTER_CELL_PIXELS);
  const counts: ClusterRows['counts'] = [];
  for (let cluster = 0; cluster < clusters.count; cluster++) {
    const pointCount = clusters.pointCount[cluster] ?? 1;
    if (pointCount > 1) counts.push({ position: [clusters.positions[2 * cluster] ?? 0, clusters.positions[2 * cluster + 1] ?? 0], text: clusterCountText(pointCount) });
  }
  const rows: ClusterRows = { length: clusters.count, clusters, quads: pointQuads(clusters.positions), origin: drawing.geometry.origin, zoomLevel, counts };
  bySide.set(side.idSuffix, { key, rows });
  return rows;
}

export interface PointLayerContext {
  common: DrawProps & { visible: boolean; filterCategories: number[][] };
  codes: Uint16Array;
  filter: LayerFilter | undefined;
  colorOfFeature: (featureIndex: number) => Rgba;
  /** Colours per status code, for clusters. */
  statusColors: readonly Rgba[];
  categoriesOfFeature: (featureIndex: number, target: number[]) => number[];
  triggers: unknown[];
  /** Multiplies radii and count text: legible on a 4K wall. */
  scale: number;
  /** At the detail zoom, only the points in this box (longitude, latitude) are drawn; all of them without it. */
  pointBox?: Bounds;
}

/**
 * A point layer's deck layers: each point near the view from POINT_DETAIL_MIN_ZOOM on (status colours, GPU
 * filter like the polygons), clusters with their counts below it. Clusters are computed with the
 * same filter and day as the GPU filter uses, so a count never includes a hidden point.
 */
export function pointLayers(layer: MeasuredLayer, drawing: LayerDrawing, side: Side, zoom: number, context: PointLayerContext): Layer[] {
  const { common, colorOfFeature, triggers } = context;
  const { geometry } = drawing;
  const definitionId = layer.definition.id;
  const color = ([red, green, blue]: Rgba, target: Rgba) => writeRgba(target, [red, green, blue, POINT_ALPHA]);
  const colorOf = (featureIndex: number, target: Rgba) => color(colorOfFeature(featureIndex), target);
  if (zoom >= POINT_DETAIL_MIN_ZOOM) {
    const rows = detailRowsOf(drawing, context.pointBox);
    const partOf = (row: number) => (rows.parts ? (rows.parts[row] ?? 0) : row);
    const id = deckLayerId(definitionId, side, true);
    return [new PointQuadLayer<unknown, DrawProps>({
      ...common,
      id,
      data: rows,
      quads: rows.quads,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 110],
      getColor: (_: unknown, { index, target }: AccessorContext<unknown>) => colorOf(geometry.partFeature[partOf(index)] ?? 0, target as Rgba),
      getRadiusPixels: POINT_RADIUS_PIXELS,
      radiusScale: context.scale,
      getFilterCategory: (_: unknown, { index, target }: AccessorContext<unknown>) => context.categoriesOfFeature(geometry.partFeature[partOf(index)] ?? 0, target as number[]),
      updateTriggers: drawnTriggers(drawing, id, common.visible, triggers),
    })];
  }
  const rows = clusterRowsOf(layer, drawing, side, context.codes, context.filter, zoom);
  const { clusters } = rows;
  const featureOfCluster = (cluster: number) => geometry.partFeature[clusters.firstPart[cluster] ?? 0] ?? 0;
  const discs = new PointQuadLayer<unknown, DrawProps>({
    ...common,
    id: deckLayerId(definitionId, side),
    data: rows,
    quads: rows.quads,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 110],
    // Clusters hold only the points that pass the filter: the GPU filter lets every row through.
    filterCategories: [[0], [0]],
    getFilterCategory: () => [0, 0],
    // A cluster takes the colour of the status most of its points have.
    getColor: (_: unknown, { index, target }: AccessorContext<unknown>) => {
      const statusColor = context.statusColors[clusters.statusCode[index] ?? 0];
      return statusColor ? color(statusColor, target as Rgba) : colorOf(featureOfCluster(index), target as Rgba);
    },
    getRadiusPixels: (_: unknown, { index }: AccessorContext<unknown>) => clusterRadiusPixels(clusters.pointCount[index] ?? 1),
    radiusScale: context.scale,
    updateTriggers: { getColor: triggers },
  });
  const counts = new TextLayer<ClusterRows['counts'][number], DrawProps>({
    ...common,
    id: `${PLAN_PREFIX}count-${definitionId}${side.idSuffix}`,
    data: rows.counts,
    filterCategories: [[0], [0]],
    getFilterCategory: () => [0, 0],
    getPosition: (count) => [count.position[0], count.position[1]],
    getText: (count) => count.text,
    getSize: 12 * context.scale,
    getColor: [255, 255, 255, 255],
    fontWeight: 'bold',
    fontSettings: { sdf: true },
    outlineWidth: 2,
    outlineColor: [20, 24, 38, 200],
    characterSet: '0123456789.k',
  });
  return [discs, counts];
}

/**
 * What a click on a point layer hit: a point (its part index, whose feature the caller looks up)
 * or a cluster of several, which the map zooms into. Null when the pick is on no point layer, or
 * on a detail layer whose rows are its parts.
 */
export type PointPick = { part: number } | { zoomTo: { center: [number, number]; zoom: number } };

export function pointClusterPick(info: PickingInfo | null): PointPick | null {
  const data: unknown = info?.layer?.props.data;
  if (!info || info.index < 0) return null;
  // A detail layer drawing the points near the view: its row is not the part.
  if (isDetailRows(data)) return data.parts ? { part: data.parts[info.index] ?? 0 } : null;
  if (!isClusterRows(data)) return null;
  const { clusters, origin, zoomLevel } = data;
  const cluster = info.index;
  if ((clusters.pointCount[cluster] ?? 1) === 1) return { part: clusters.firstPart[cluster] ?? 0 };
  const center: [number, number] = [(clusters.positions[2 * cluster] ?? 0) + origin[0], (clusters.positions[2 * cluster + 1] ?? 0) + origin[1]];
  return { zoomTo: { center, zoom: Math.min(POINT_DETAIL_MIN_ZOOM, zoomLevel + 2) } };
}
