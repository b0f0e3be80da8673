import type { LayerDefinition } from '../manifest';
import type { PlanFeatureCollection, PlanGeometry } from '../planFeature';
import { addFeature, type NewFeatureProperties } from './addFeature';
import { accepted, type EditResult } from './editResult';
import { statusNotInLifecycle } from './statusNotInLifecycle';

/**
 * A drawn shape added as a new feature in one undoable step, entering the plan in `statusId`
 * on `isoDate`: surveyed projects are often drawn when they are already under way, and their
 * history must then start with that status on that date, as changeStatus would record it.
 * Everything else (id, name, attributes, geometry check) is addFeature's.
 */
export function addDrawnFeature(
  collection: PlanFeatureCollection,
  layer: LayerDefinition,
  geometry: PlanGeometry,
  properties: NewFeatureProperties,
  statusId: string,
  isoDate: string,
): EditResult {
  const unknown = statusNotInLifecycle(layer, statusId);
  if (unknown) return unknown;
  const added = addFeature(collection, layer, geometry, properties, isoDate);
  if (!added.ok || statusId === layer.statuses[0]?.id) return added;
  const putFeatures = added.moment.putFeatures.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, status: statusId, history: [{ date: isoDate, status: statusId }] },
  }));
  return accepted({ ...added.moment, putFeatures });
}
