import { jsonEqual } from '../changes/layerDiff';
import type { PlanFeature, PlanFeatureProperties } from '../plan/planFeature';

/**
 * Three-way merge of one feature edited on both sides, when the two edits touched different
 * parts: the geometry on one side only, and disjoint properties (as uMap's merge_features does
 * for whole features). Undefined when both sides changed the same part differently; then the
 * user has to choose. `status` and `history` change together, so two status changes collide
 * on `history` and are never merged silently.
 */
export function mergeFeatureChanges(base: PlanFeature, ours: PlanFeature, theirs: PlanFeature): PlanFeature | undefined {
  const geometry = pick(base.geometry, ours.geometry, theirs.geometry);
  if (!geometry) return undefined;
  const keys = [...new Set([...Object.keys(theirs.properties), ...Object.keys(ours.properties), ...Object.keys(base.properties)])];
  const properties: Record<string, unknown> = {};
  for (const key of keys) {
    const value = pick(own(base.properties, key), own(ours.properties, key), own(theirs.properties, key));
    if (!value) return undefined;
    if (value.value !== undefined) properties[key] = value.value;
  }
  return { ...theirs, properties: properties as PlanFeatureProperties, geometry: geometry.value };
}

/** The merged value of one part, boxed so that "absent" (undefined) differs from "conflict". */
function pick<T>(base: T, ours: T, theirs: T): { value: T } | undefined {
  const oursChanged = !jsonEqual(ours, base);
  const theirsChanged = !jsonEqual(theirs, base);
  if (oursChanged && theirsChanged && !jsonEqual(ours, theirs)) return undefined;
  return { value: oursChanged ? ours : theirs };
}

function own(properties: PlanFeatureProperties, key: string): unknown {
  return Object.hasOwn(properties, key) ? properties[key] : undefined;
}
