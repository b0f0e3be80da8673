/** A project's measure in a target's unit, from its metric geometry. */
import type { PropertyCondition, TargetMetric } from '../../src/domain/plan/manifest';
import type { DraftFeature } from './drafts';
import { polyArea, polylineLength } from './geometry';

const SQUARE_METERS_PER_MU = 10000 / 15;

export function measureOf(draft: DraftFeature, metric: TargetMetric, property?: string): number {
  const g = draft.geometry;
  switch (metric) {
    case 'count':
      return 1;
    case 'area_ha':
      return g.type === 'polygon' ? polyArea(g.poly) / 10000 : 0;
    case 'area_mu':
      return g.type === 'polygon' ? polyArea(g.poly) / SQUARE_METERS_PER_MU : 0;
    case 'length_km':
      return g.type === 'line' ? polylineLength(g.line) / 1000 : 0;
    case 'sum': {
      const value = property === undefined ? undefined : draft.attributes[property];
      return typeof value === 'number' ? value : 0;
    }
    case 'share':
      // Each matching project is one part of the share's denominator.
      return 1;
  }
}

export function matchesCondition(draft: DraftFeature, where: PropertyCondition | undefined): boolean {
  return where === undefined || draft.attributes[where.property] === where.equals;
}
