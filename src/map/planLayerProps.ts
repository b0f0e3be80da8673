import { ClipExtension, DataFilterExtension, type ClipExtensionProps, type DataFilterExtensionProps } from '@deck.gl/extensions';
import type { LayerDefinition } from '../domain/plan/manifest';
import { colorFromHex, type Rgba } from './colorFromHex';
import { FIRST_LABEL_LAYER_ID } from './basemapStyle';
import { PLAN_FILL_ALPHA } from './planFillAlpha';
import type { LayerDrawing } from './layerDrawing';

/* What every plan deck layer shares (planDeckLayers, pointDeckLayers): ids, sides, placement, colours, filters. */

/*
 * Deck layer ids: `plan-<layer id>` (polygons: their overview), `plan-<layer id>--detail` (polygons
 * in full detail), each with `--compare` appended for the other side of a swipe; plus
 * `plan-outline-<layer id>…` (never picked) and `plan-selection`. Layer ids have no `--` (schema).
 */
export const COMPARE_SUFFIX = '--compare';
export const DETAIL_SUFFIX = '--detail';
export const PLAN_PREFIX = 'plan-';

export function deckLayerId(layerId: string, side: Side, detail = false): string {
  return `${PLAN_PREFIX}${layerId}${detail ? DETAIL_SUFFIX : ''}${side.idSuffix}`;
}

const clipExtension = new ClipExtension();
/** Two filter channels: the status code and the sub-district code of each feature. */
export const filterExtension = new DataFilterExtension({ categorySize: 2 });

/**
 * One side of a swipe comparison: its day and, when split, the box it is clipped to (the map never
 * rotates, so the split, a vertical screen line, is a meridian).
 */
export interface Side {
  asOfDate: string;
  idSuffix: string;
  clipBounds?: [number, number, number, number];
}

/** `beforeId` is read by @deck.gl/maplibre in interleaved mode: deck layers go under the labels. */
export interface InterleavedProps {
  beforeId?: string;
}

export type DrawProps = InterleavedProps & DataFilterExtensionProps<unknown> & ClipExtensionProps;

/** Colours per status code; codes past the lifecycle (statuses only the data knows) take the layer colour. */
export function colorsByCode(definition: LayerDefinition, statusIds: readonly string[]): Rgba[] {
  const byId = new Map(definition.statuses.map((status) => [status.id, colorFromHex(status.color, PLAN_FILL_ALPHA)]));
  const fallback = colorFromHex(definition.color, PLAN_FILL_ALPHA);
  return statusIds.map((statusId) => byId.get(statusId) ?? fallback);
}

/** The codes a filter lets through; an empty choice lets every code through. */
export function allowedCodes(chosen: readonly string[] | undefined, all: readonly string[]): number[] {
  const codes: number[] = [];
  all.forEach((value, code) => { if (!chosen || chosen.length === 0 || chosen.includes(value)) codes.push(code); });
  return codes;
}

/** Clip bounds in the layer's coordinates, which are offsets from its origin. */
function offsetBounds(bounds: [number, number, number, number], origin: [number, number]): [number, number, number, number] {
  return [bounds[0] - origin[0], bounds[1] - origin[1], bounds[2] - origin[0], bounds[3] - origin[1]];
}

/**
 * Where and how a plan layer of one side draws: shared by the real layers and their placeholders,
 * whose extensions must be the same (other extensions would rebuild the layer's shaders).
 */
export function placementProps(side: Side, origin: [number, number]) {
  return {
    beforeId: FIRST_LABEL_LAYER_ID,
    coordinateSystem: 'lnglat-offsets' as const,
    coordinateOrigin: [origin[0], origin[1], 0] as [number, number, number],
    extensions: side.clipBounds ? [filterExtension, clipExtension] : [filterExtension],
    ...(side.clipBounds ? { clipBounds: offsetBounds(side.clipBounds, origin) } : {}),
  };
}

export function writeRgba(target: Rgba, color: Rgba): Rgba {
  target[0] = color[0];
  target[1] = color[1];
  target[2] = color[2];
  target[3] = color[3];
  return target;
}

/**
 * The update triggers a layer is given: the current ones while it is drawn, the ones it was last
 * drawn with while it is hidden. A hidden layer keeps its GPU data, but deck.gl would still
 * recompute every vertex's colour at each step of the timeline (1.4 M vertices of full detail at
 * 75k features); it catches up when shown.
 */
export function drawnTriggers(drawing: LayerDrawing, id: string, shown: boolean, triggers: unknown[]): { getColor: unknown[]; getFilterCategory: unknown[] } {
  const kept = drawing.drawnTriggers.get(id);
  const current = shown || !kept ? triggers : kept;
  drawing.drawnTriggers.set(id, current);
  return { getColor: current, getFilterCategory: current };
}
