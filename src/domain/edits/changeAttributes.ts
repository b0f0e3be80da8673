import { jsonEqual } from '../changes/layerDiff';
import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeatureCollection, PlanFeatureProperties } from '../plan/planFeature';
import { accepted, emptyEdit, featureNotFound, findFeature, rejected, type EditResult } from './editResult';
import { attributeValueProblem, FORBIDDEN_KEYS } from './attributeValueProblem';
import type { AttributeCheck } from './attributeSchemaCheck';

/** Changed only by their own edits: `status` and `history` by changeStatus, the id never. */
const NOT_PATCHABLE: ReadonlySet<string> = new Set(['id', 'status', 'history']);

/**
 * Sets attributes of one feature from a form: each key of `patch` is a property to set, or to
 * remove when its value is `undefined`. The name must stay non-empty (it labels the feature on
 * the map and in every list). With `layer`, enumerated attributes must take one of their values;
 * with `check` (the layer's schema, attributeSchemaCheck), every patched attribute must pass it,
 * so what the server would refuse on save is refused here, where the user can still fix it.
 * A patch that changes nothing gives an empty moment, which history does not record.
 */
export function changeAttributes(
  collection: PlanFeatureCollection,
  featureId: string,
  patch: Readonly<Record<string, unknown>>,
  layer?: LayerDefinition,
  check?: AttributeCheck,
): EditResult {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch) || Object.getPrototypeOf(patch) !== Object.prototype)
    return rejected('属性修改须为普通对象', 'an attribute patch must be a plain object');
  const found = findFeature(collection, featureId);
  if (!found) return featureNotFound(featureId);
  const { feature } = found;
  const properties: PlanFeatureProperties = { ...feature.properties };

  for (const key of Object.keys(patch)) {
    if (FORBIDDEN_KEYS.has(key)) return rejected(`不允许的属性名 "${key}"`, `"${key}" is not allowed as an attribute name`);
    if (NOT_PATCHABLE.has(key))
      return rejected(
        key === 'id' ? '要素 id 不能修改' : `"${key}" 须通过“更改状态”修改，以便记入历史`,
        key === 'id' ? 'a feature id cannot be changed' : `"${key}" is changed by "change status", so that it is recorded in the history`,
      );
    const value = patch[key];
    if (key === 'name') {
      if (typeof value !== 'string' || value.trim() === '') return rejected('名称不能为空', 'the name cannot be empty');
      properties.name = value.trim();
      continue;
    }
    if (value === undefined) {
      delete properties[key];
      continue;
    }
    const problem = attributeValueProblem(value);
    if (problem) return rejected(`属性 "${key}" ${problem.zh}`, `attribute "${key}" ${problem.en}`);
    const enumerated = layer?.attributes?.find((attribute) => attribute.property === key)?.values;
    if (enumerated && (typeof value !== 'string' || !Object.hasOwn(enumerated, value))) {
      const allowed = Object.keys(enumerated).join(', ');
      return rejected(`属性 "${key}" 须为以下之一：${allowed}`, `attribute "${key}" must be one of: ${allowed}`);
    }
    properties[key] = value;
  }
  if (check) {
    const problems = check({ ...feature, properties });
    const problem = Object.keys(patch).map((key) => problems.get(key)).find((found) => found !== undefined);
    if (problem) return { ok: false, reason: problem };
  }
  if (jsonEqual(properties, feature.properties)) return emptyEdit('change-attributes');
  return accepted({ putFeatures: [{ ...feature, properties }], deleteFeatureIds: [], note: 'change-attributes' });
}
