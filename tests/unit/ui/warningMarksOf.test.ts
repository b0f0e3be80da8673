import { describe, expect, it } from 'vitest';
import { measureLayer } from '../../../src/domain/measure/measuredLayer';
import type { PlanFeature } from '../../../src/domain/plan/planFeature';
import { districtWarnings } from '../../../src/domain/progress/districtWarnings';
import { warningMarksOf } from '../../../src/ui/warnings/warningMarksOf';
import { warningMarkLayers } from '../../../src/map/warningMarks';
import { LIFECYCLE_LAYER } from '../../support/planLayers';

function square(id: string, west: number, status: string, planDates?: Record<string, string>): PlanFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [[[west, 25], [west + 0.002, 25], [west + 0.002, 25.002], [west, 25.002], [west, 25]]] },
    properties: { name: id, status, history: [{ date: '2024-01-01', status }], street: west < 113 ? '西街道' : '东街道', ...(planDates ? { plan_dates: planDates } : {}) },
  };
}

const layer = measureLayer(LIFECYCLE_LAYER, { type: 'FeatureCollection', features: [
  square('late', 112.99, 'pending', { done: '2026-06-01' }),
  square('on-time', 113.01, 'done', { done: '2026-06-01' }),
  square('soon', 113.02, 'working', { done: '2026-07-10' }),
] });
const warnings = districtWarnings([layer], '2026-07-01');
const noFilter = { layers: {} };

describe('the map rings late projects', () => {
  it('at the centre of each late project, overdue and due soon', () => {
    const marks = warningMarksOf([layer], warnings, noFilter, []);
    expect(marks.map((mark) => mark.kind)).toEqual(['overdue', 'dueSoon']);
    expect(marks[0]?.position[0]).toBeCloseTo(112.991, 9);
    expect(marks[0]?.position[1]).toBeCloseTo(25.001, 9);
    expect(warningMarkLayers(marks).map((deckLayer) => deckLayer.id)).toEqual(['warning-halos', 'warning-rings']);
  });

  it('not on a hidden layer, nor on projects the view filter leaves out', () => {
    expect(warningMarksOf([layer], warnings, noFilter, [LIFECYCLE_LAYER.id])).toEqual([]);
    const eastOnly = { layers: { [LIFECYCLE_LAYER.id]: { statuses: [], streets: ['东街道'] } } };
    expect(warningMarksOf([layer], warnings, eastOnly, []).map((mark) => mark.kind)).toEqual(['dueSoon']);
    expect(warningMarkLayers([])).toEqual([]);
  });
});
