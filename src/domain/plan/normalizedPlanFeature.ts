import type { PlanFeature } from './planFeature';

/**
 * A checked plan feature in the shape the app keeps: Feature members only, and history entries
 * with their date and status only. The parser builds features with it, and a feature decoded
 * later from the file's own bytes goes through it again, so both are the same object.
 */
export function normalizedPlanFeature(feature: PlanFeature): PlanFeature {
  const { properties } = feature;
  return {
    type: 'Feature',
    id: feature.id,
    geometry: feature.geometry,
    properties: {
      ...properties,
      name: properties.name,
      status: properties.status,
      history: properties.history.map(({ date, status }) => ({ date, status })),
    },
  };
}
