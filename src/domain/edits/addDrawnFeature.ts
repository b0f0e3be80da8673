import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeatureCollection, PlanGeometry } from '../plan/planFeature';
import { addFeature, type NewFeatureProperties } from './addFeature';
import type { AttributeCheck } from './attributeSchemaCheck';
import { accepted, type EditResult } from './editResult';
import { statusNotInLifecycle } from './statusNotInLifecycle';

/**
 * A drawn shape added as a new feature in one undoable step, entering the plan in `statusId`
 * on `isoDate`: surveyed projects are often drawn when they are already under way, and their
 * history must then start with that status on that date, as changeStatus would record it.
 * With `check` (the layer's schema, attributeSchemaCheck) the new feature must pass it whole,
 * so a required attribute left blank is refused here rather than by the server on save.
 * Everything else (id, name, attributes, geometry check) is addFeature's.
 */
export function addDrawnFeature(
  collection: PlanFeatureCollection,
  layer: LayerDefinition,
  geometry: PlanGeometry,
  properties: NewFeatureProperties,
  statusId: string,
  isoDate: string,
  check?: AttributeCheck,
): EditResult {
  const unknown = statusNotInLifecycle(layer, statusId);
  if (unknown) return unknown;
  const added = addFeature(collection, layer, geometry, properties, isoDate);
  if (!added.ok) return added;
  const putFeatures = statusId === layer.statuses[0]?.id ? added.moment.putFeatures : added.moment.putFeatures.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, status: statusId, history: [{ date: isoDate, status: statusId }] },
  }));
  if (check) {
    for (const feature of putFeatures) {
      const [problem] = check(feature).values();
      if (problem) return { ok: false, reason: problem };
    }
  }
  return accepted({ ...added.moment, putFeatures });
}
