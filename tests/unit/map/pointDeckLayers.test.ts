import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { planDeckLayers, planLayerIdOfDeckLayer, type PlanDeckState } from '../../../src/map/planDeckLayers';
import { clusterCountText, pointClusterPick, POINT_DETAIL_MIN_ZOOM } from '../../../src/map/pointDeckLayers';
import { PlanDrawingState } from '../../../src/map/PlanDrawingState';
import { parseLayer, parseManifest } from '../../../src/data/parseGeodata';
import { measureLayer } from '../../../src/domain/measure/measuredLayer';
import type { LayerFilter } from '../../../src/domain/browse/featureFilter';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'points');
const [definition] = parseManifest(readFileSync(join(FIXTURES, 'layers.json'), 'utf8')).layers;
if (!definition) throw new Error('the fixture has a layer');
const layer = measureLayer(definition, parseLayer(readFileSync(join(FIXTURES, 'facilities.geojson'), 'utf8'), 'facilities.geojson'));

function stateOf(filter?: LayerFilter): PlanDeckState {
  return { layers: [layer], complete: true, visibleLayerIds: new Set([definition?.id ?? '']), filters: filter ? { facilities: filter } : {}, asOfDate: '2026-01-01' };
}

const byId = (layers: Layer[]) => new Map(layers.map((deckLayer) => [deckLayer.id, deckLayer]));
const rowsOf = (deckLayer: Layer | undefined) => (deckLayer?.props.data as { length: number } | undefined)?.length ?? -1;

describe('a point layer on the map', () => {
  it('draws clusters with their counts when zoomed out, and every point from the detail zoom on', () => {
    const drawings = new PlanDrawingState();
    const zoomedOut = byId(planDeckLayers(stateOf(), drawings, 12));
    // The four facilities within 60 m of each other (five sites) and the far one.
    expect(rowsOf(zoomedOut.get('plan-facilities'))).toBe(2);
    expect((zoomedOut.get('plan-count-facilities')?.props.data as { text: string }[]).map((count) => count.text)).toEqual(['5']);
    const zoomedIn = byId(planDeckLayers(stateOf(), drawings, POINT_DETAIL_MIN_ZOOM));
    expect(rowsOf(zoomedIn.get('plan-facilities--detail'))).toBe(6);
    expect(zoomedIn.has('plan-facilities')).toBe(false);
    expect(planLayerIdOfDeckLayer('plan-facilities--detail')).toBe('facilities');
  });

  it('recounts the clusters when a filter hides points', () => {
    const filtered = byId(planDeckLayers(stateOf({ statuses: ['opened'], streets: [] }), new PlanDrawingState(), 12));
    expect(rowsOf(filtered.get('plan-facilities'))).toBe(1);
    expect((filtered.get('plan-count-facilities')?.props.data as { text: string }[]).map((count) => count.text)).toEqual(['2']);
  });

  it('zooms into a cluster of several points when clicked, and selects the point a single-point cluster stands for', () => {
    const clusters = byId(planDeckLayers(stateOf(), new PlanDrawingState(), 12)).get('plan-facilities');
    const data = clusters?.props.data as { clusters: { pointCount: Uint32Array } };
    const big = data.clusters.pointCount.indexOf(5);
    const single = data.clusters.pointCount.indexOf(1);
    const pick = (index: number) => pointClusterPick({ layer: clusters, index } as unknown as PickingInfo);
    const zoom = pick(big);
    expect(zoom && 'zoomTo' in zoom ? zoom.zoomTo.zoom : -1).toBe(POINT_DETAIL_MIN_ZOOM);
    expect(pick(single)).toEqual({ part: 5 });
  });

  it('writes large counts briefly, in ASCII the TextLayer draws', () => {
    expect([clusterCountText(7), clusterCountText(1234), clusterCountText(56_789)]).toEqual(['7', '1.2k', '57k']);
  });
});

describe('the detail layer near the view', () => {
  it('draws only the points in the map\'s box, and a pick on one still finds its part', () => {
    const drawings = new PlanDrawingState();
    const { geometry } = drawings.drawingOf(layer);
    // A tiny box around the last point: the far one, alone.
    const last = geometry.partCount - 1;
    const x = (geometry.positions[2 * last] ?? 0) + geometry.origin[0];
    const y = (geometry.positions[2 * last + 1] ?? 0) + geometry.origin[1];
    const pointBox: [number, number, number, number] = [x - 1e-5, y - 1e-5, x + 1e-5, y + 1e-5];
    const detail = byId(planDeckLayers({ ...stateOf(), pointBox }, drawings, POINT_DETAIL_MIN_ZOOM)).get('plan-facilities--detail');
    expect(rowsOf(detail)).toBe(1);
    expect(pointClusterPick({ layer: detail, index: 0 } as unknown as PickingInfo)).toEqual({ part: last });
    // The same box again (a pan inside it) hands deck.gl the same rows: nothing is uploaded anew.
    const again = byId(planDeckLayers({ ...stateOf(), pointBox: [...pointBox] }, drawings, POINT_DETAIL_MIN_ZOOM)).get('plan-facilities--detail');
    expect(again?.props.data).toBe(detail?.props.data);
  });
});
