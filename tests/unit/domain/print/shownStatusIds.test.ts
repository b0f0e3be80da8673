import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../../../../src/domain/plan/planFeature';
import { measureLayer } from '../../../../src/domain/measure/measuredLayer';
import { geometryColumns } from '../../../../src/domain/columns/geometryColumns';
import { featuresReaching } from '../../../../src/domain/print/featuresReaching';
import { shownStatusIds } from '../../../../src/domain/print/shownStatusIds';
import { LIFECYCLE_LAYER } from '../../../support/planLayers';

function square(id: string, west: number, history: { date: string; status: string }[]): PlanFeature {
  const [south, east, north] = [25, west + 0.001, 25.001];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] },
    properties: { name: id, status: history.at(-1)?.status ?? '', history, street: id === 'b' ? '西街道' : '东街道' },
  };
}

const layer = measureLayer(LIFECYCLE_LAYER, {
  type: 'FeatureCollection',
  features: [
    square('a', 102.70, [{ date: '2024-01-01', status: 'pending' }, { date: '2025-01-01', status: 'done' }]),
    square('b', 102.71, [{ date: '2024-06-01', status: 'working' }]),
    square('c', 102.72, [{ date: '2024-01-01', status: 'pending' }]),
  ],
});
const geometry = geometryColumns(layer.features, 'polygon');
const everywhere = featuresReaching(geometry, layer.featureCount, [102, 24, 103, 26]);

describe('the statuses a map of a layer shows', () => {
  it('are those of the projects drawn on the day, in lifecycle order, not every status the lifecycle has', () => {
    expect(shownStatusIds(layer, undefined, [{ asOfDate: '2024-03-01', reaching: everywhere }])).toEqual(['pending']);
    expect(shownStatusIds(layer, undefined, [{ asOfDate: '2025-06-30', reaching: everywhere }])).toEqual(['pending', 'working', 'done']);
  });

  it('leave out what the filters hide and what lies outside the extent', () => {
    expect(shownStatusIds(layer, { statuses: ['done', 'working'], streets: [] }, [{ asOfDate: '2025-06-30', reaching: everywhere }])).toEqual(['working', 'done']);
    expect(shownStatusIds(layer, { statuses: [], streets: ['东街道'] }, [{ asOfDate: '2025-06-30', reaching: everywhere }])).toEqual(['pending', 'done']);
    const westOnly = featuresReaching(geometry, layer.featureCount, [102.69, 24.99, 102.705, 25.01]);
    expect(Array.from(westOnly)).toEqual([1, 0, 0]);
    expect(shownStatusIds(layer, undefined, [{ asOfDate: '2025-06-30', reaching: westOnly }])).toEqual(['done']);
  });

  it('join the two sides of a swipe comparison, each on its own day', () => {
    const west = featuresReaching(geometry, layer.featureCount, [102.69, 24.99, 102.705, 25.01]);
    const east = featuresReaching(geometry, layer.featureCount, [102.705, 24.99, 102.73, 25.01]);
    expect(shownStatusIds(layer, undefined, [{ asOfDate: '2024-03-01', reaching: west }, { asOfDate: '2025-06-30', reaching: east }])).toEqual(['pending', 'working']);
  });
});
