import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { drawingDetailAt, planDeckLayers, planLayerIdOfDeckLayer, type PlanDeckState } from '../../../src/map/planDeckLayers';
import { OVERVIEW_MAX_ZOOM } from '../../../src/domain/columns/geometryColumns';
import { PlanDrawingState } from '../../../src/map/PlanDrawingState';
import type { PartMesh } from '../../../src/map/partMeshLayer/PartMeshLayer';
import { measureLayer } from '../../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../../src/domain/plan/planFeature';
import { LIFECYCLE_LAYER } from '../../support/planLayers';

/** A parcel of 200 vertices about 100 m across: its overview keeps far fewer. */
function detailedParcel(id: string, longitude: number): PlanFeature {
  const ring = Array.from({ length: 200 }, (_, index) => {
    const angle = (2 * Math.PI * index) / 200;
    return [longitude + 0.0005 * Math.cos(angle), 25 + 0.0005 * Math.sin(angle)];
  });
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] ?? []]] },
    properties: { name: id, status: 'pending', history: [{ date: '2024-01-01', status: 'pending' }] },
  };
}

const polygonLayer = measureLayer(LIFECYCLE_LAYER, { type: 'FeatureCollection', features: [detailedParcel('a', 113), detailedParcel('b', 113.01)] });
const layers = [polygonLayer];

function stateOf(): PlanDeckState {
  return {
    layers,
    complete: true,
    visibleLayerIds: new Set(layers.map((layer) => layer.definition.id)),
    filters: {},
    asOfDate: '2026-11-26',
  };
}

/** The fills of the polygon layer: id → drawn (visible), and how many vertices its data holds. */
function fillsOf(deckLayers: Layer[]): Map<string, { visible: boolean; parts: number; positions: number }> {
  const fills = new Map<string, { visible: boolean; parts: number; positions: number }>();
  for (const layer of deckLayers) {
    if (!layer.id.startsWith(`plan-${polygonLayer.definition.id}`) || layer.id.includes('outline')) continue;
    const drawn = (layer.props as unknown as { mesh: PartMesh }).mesh;
    fills.set(layer.id, { visible: layer.props.visible, parts: drawn.partCount, positions: drawn.positions.length / 2 });
  }
  return fills;
}

describe('plan fills by zoom', () => {
  const id = `plan-${polygonLayer.definition.id}`;
  const { geometry } = new PlanDrawingState().drawingOf(polygonLayer);
  const overviewVertices = geometry.overview?.vertexCount ?? -1;

  it('have an overview that keeps far fewer vertices than the full detail', () => {
    expect(overviewVertices).toBeGreaterThan(0);
    expect(overviewVertices).toBeLessThan(geometry.vertexCount / 4);
  });

  it('draw the overview geometry below the overview zoom, and prepare no full-detail layer before it is needed', () => {
    const fills = fillsOf(planDeckLayers(stateOf(), new PlanDrawingState(), OVERVIEW_MAX_ZOOM - 0.5));
    expect([...fills.keys()]).toEqual([id]);
    expect(fills.get(id)).toEqual({ visible: true, parts: geometry.partCount, positions: overviewVertices });
  });

  it('draw every vertex from the overview zoom on, and keep the full detail prepared (hidden) when zooming back out', () => {
    const drawings = new PlanDrawingState();
    const zoomedIn = fillsOf(planDeckLayers(stateOf(), drawings, OVERVIEW_MAX_ZOOM));
    expect(zoomedIn.get(`${id}--detail`)).toEqual({ visible: true, parts: geometry.partCount, positions: geometry.vertexCount });
    expect(zoomedIn.get(id)?.visible).toBe(false);
    const zoomedOut = fillsOf(planDeckLayers(stateOf(), drawings, OVERVIEW_MAX_ZOOM - 2));
    expect(zoomedOut.get(id)?.visible).toBe(true);
    expect(zoomedOut.get(`${id}--detail`)?.visible).toBe(false);
  });

  it('change only when the zoom crosses a detail threshold', () => {
    expect(drawingDetailAt(OVERVIEW_MAX_ZOOM - 0.01)).not.toBe(drawingDetailAt(OVERVIEW_MAX_ZOOM));
    expect(drawingDetailAt(OVERVIEW_MAX_ZOOM - 3)).toBe(drawingDetailAt(OVERVIEW_MAX_ZOOM - 0.01));
  });

  it('hide both with the layer', () => {
    const hidden = fillsOf(planDeckLayers({ ...stateOf(), visibleLayerIds: new Set() }, new PlanDrawingState(), OVERVIEW_MAX_ZOOM + 1));
    expect([...hidden.values()].every((fill) => !fill.visible)).toBe(true);
  });

  it('leave a hidden fill\'s colours as they were drawn when the day changes, and bring them up to date when it shows again', () => {
    const triggersOf = (deckLayers: Layer[], id: string) => (deckLayers.find((layer) => layer.id === id)?.props.updateTriggers as { getColor: unknown[] }).getColor;
    const detailId = `${id}--detail`;
    const drawings = new PlanDrawingState();
    planDeckLayers(stateOf(), drawings, OVERVIEW_MAX_ZOOM);
    const zoomedOut = planDeckLayers({ ...stateOf(), asOfDate: '2027-01-01' }, drawings, OVERVIEW_MAX_ZOOM - 1);
    expect(triggersOf(zoomedOut, id)).toContain('2027-01-01');
    expect(triggersOf(zoomedOut, detailId)).toContain('2026-11-26');
    const zoomedIn = planDeckLayers({ ...stateOf(), asOfDate: '2027-01-01' }, drawings, OVERVIEW_MAX_ZOOM);
    expect(triggersOf(zoomedIn, detailId)).toContain('2027-01-01');
  });

  it('name the plan layer of each of their deck layers for picking, on both sides of a swipe', () => {
    const split = planDeckLayers({ ...stateOf(), compareAsOfDate: '2025-01-01' }, new PlanDrawingState(), OVERVIEW_MAX_ZOOM, 113.005);
    const fillIds = [...fillsOf(split).keys()];
    expect(fillIds.length).toBe(4);
    for (const fillId of fillIds) expect(planLayerIdOfDeckLayer(fillId)).toBe(polygonLayer.definition.id);
    expect(planLayerIdOfDeckLayer('plan-selection')).toBeNull();
    expect(planLayerIdOfDeckLayer('basemap-roads')).toBeNull();
  });

  it('are prepared per map: what one map has drawn in full detail, another has not', () => {
    const screen = new PlanDrawingState();
    planDeckLayers(stateOf(), screen, OVERVIEW_MAX_ZOOM);
    const print = fillsOf(planDeckLayers(stateOf(), new PlanDrawingState(), OVERVIEW_MAX_ZOOM - 1));
    expect([...print.keys()]).toEqual([id]);
    expect([...fillsOf(planDeckLayers(stateOf(), screen, OVERVIEW_MAX_ZOOM - 1)).keys()]).toEqual([id, `${id}--detail`]);
  });
});

describe('only late projects (只看预警项目)', () => {
  it('lets through the features of the filter\'s feature list only', () => {
    const fills = planDeckLayers({ ...stateOf(), filters: { [polygonLayer.definition.id]: { statuses: [], streets: [], features: Uint8Array.from([0, 1]) } } }, new PlanDrawingState(), 10, 0);
    const fill = fills.find((layer) => layer.id === `plan-${polygonLayer.definition.id}`);
    const props = fill?.props as unknown as { filterCategories: number[][]; getFilterCategory: (row: unknown, context: { index: number; target: number[] }) => number[] };
    const passes = (part: number) => {
      const [status = -1, street = -1] = props.getFilterCategory(null, { index: part, target: [0, 0] });
      return (props.filterCategories[0] ?? []).includes(status) && (props.filterCategories[1] ?? []).includes(street);
    };
    expect([passes(0), passes(1)]).toEqual([false, true]);
  });
});
