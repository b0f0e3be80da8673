import { isCalendarDate } from '../dates/isCalendarDate';
import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeatureCollection, PlanFeatureProperties } from '../plan/planFeature';
import { attributeValueProblem, FORBIDDEN_KEYS } from './attributeValueProblem';
import { checkEditedGeometry } from './checkEditedGeometry';
import { accepted, rejected, type EditResult } from './editResult';
import { nextFeatureId } from './nextFeatureId';

/** What the user gives a new feature: a name and any layer attributes; status and history are the builder's. */
export interface NewFeatureProperties {
  name: string;
  [attribute: string]: unknown;
}

/**
 * A new project drawn on the map: a fresh id in the layer's pattern (nextFeatureId), the first
 * status of the lifecycle, and a history that starts with it on `isoDate`. The id is chosen
 * here, inside the moment, so undo and redo bring back the same id rather than a new one.
 */
export function addFeature(
  collection: PlanFeatureCollection,
  layer: LayerDefinition,
  geometry: unknown,
  properties: NewFeatureProperties,
  isoDate: string,
): EditResult {
  const first = layer.statuses[0];
  if (!first) return rejected(`图层“${layer.name.zh}”没有定义状态`, `layer "${layer.name.en}" defines no statuses`);
  if (!isCalendarDate(isoDate)) return rejected(`"${isoDate}" 不是有效日期（YYYY-MM-DD）`, `"${isoDate}" is not a valid date (YYYY-MM-DD)`);
  if (typeof properties.name !== 'string' || properties.name.trim() === '') return rejected('名称不能为空', 'the name cannot be empty');
  for (const [key, value] of Object.entries(properties)) {
    if (FORBIDDEN_KEYS.has(key)) return rejected(`不允许的属性名 "${key}"`, `"${key}" is not allowed as an attribute name`);
    if (key === 'status' || key === 'history' || key === 'id')
      return rejected(`新要素的 "${key}" 由系统设定`, `the "${key}" of a new feature is set by the editor`);
    const problem = attributeValueProblem(value);
    if (problem) return rejected(`属性 "${key}" ${problem.zh}`, `attribute "${key}" ${problem.en}`);
  }
  const id = nextFeatureId(collection.features, layer);
  const checked = checkEditedGeometry(geometry, layer.geometry, collection.features.length, { id, properties });
  if (!checked.ok) return { ok: false, reason: checked.reason };

  const { name, ...attributes } = properties;
  const planProperties: PlanFeatureProperties = {
    name: name.trim(),
    status: first.id,
    ...attributes,
    history: [{ date: isoDate, status: first.id }],
  };
  return accepted({
    putFeatures: [{ type: 'Feature', id, properties: planProperties, geometry: checked.geometry }],
    deleteFeatureIds: [],
    note: 'add-feature',
  });
}
