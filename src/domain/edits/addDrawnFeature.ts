import type { LayerDefinition } from '../manifest';
import type { PlanFeatureCollection, PlanGeometry } from '../planFeature';
import { addFeature, type NewFeatureProperties } from './addFeature';
import { accepted, rejected, type EditResult } from './editResult';

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
  const status = layer.statuses.find((candidate) => candidate.id === statusId);
  if (!status) {
    const known = layer.statuses.map((candidate) => candidate.id).join(', ');
    return rejected(`状态 "${statusId}" 不在图层“${layer.name.zh}”的生命周期中（${known}）`, `status "${statusId}" is not in the lifecycle of layer "${layer.name.en}" (${known})`);
  }
  const added = addFeature(collection, layer, geometry, properties, isoDate);
  if (!added.ok || statusId === layer.statuses[0]?.id) return added;
  const putFeatures = added.moment.putFeatures.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, status: statusId, history: [{ date: isoDate, status: statusId }] },
  }));
  return accepted({ ...added.moment, putFeatures });
}
