import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import { measureLayer } from '../measure/measuredLayer';
import { isRecord } from '../isRecord';

/** One property whose value differs; an absent side is `undefined` (omitted in JSON). */
export interface AttributeChange {
  key: string;
  before?: unknown;
  after?: unknown;
}

/** A feature present on both sides (matched by id) that differs. */
export interface FeatureChange {
  id: string;
  /** Changed properties, sorted by key. */
  attributes: AttributeChange[];
  geometryChanged: boolean;
  /** after − before; 0 when only attributes changed. */
  areaDeltaSquareMeters: number;
  lengthDeltaMeters: number;
}

/** A status that moved to an earlier step of the layer's lifecycle (manifest order). */
export interface StatusRegression {
  id: string;
  from: string;
  to: string;
}

export interface LayerDiff {
  /** Ids in the order of the new layer. */
  added: string[];
  /** Ids in the order of the old layer. */
  removed: string[];
  /** In the order of the new layer. */
  changed: FeatureChange[];
  /** Added features count +area, removed −area, reshaped after − before; untouched geometries are left out. */
  areaDeltaSquareMetersById: Record<string, number>;
  /** Σ area after − Σ area before, each summed unrounded in file order. */
  totalAreaDeltaSquareMeters: number;
  totalLengthDeltaMeters: number;
  statusRegressions: StatusRegression[];
  /** The name of each added, removed and changed project (a removed one's last name), so a record of the change can name them without either layer. */
  namesById: Record<string, string>;
}

/**
 * What saving `after` over `before` changes, feature by feature, keyed by feature id.
 * Features are measured with the same ellipsoidal area as the map and the stats, so the
 * deltas shown before a save agree with the totals shown after it.
 */
export function diffLayers(definition: LayerDefinition, before: PlanFeatureCollection, after: PlanFeatureCollection): LayerDiff {
  const measuredBefore = measureLayer(definition, before);
  const measuredAfter = measureLayer(definition, after);
  const beforeById = indexById(before.features);
  const afterById = indexById(after.features);
  const lifecycle = new Map(definition.statuses.map((status, index) => [status.id, index]));

  const diff: LayerDiff = {
    added: [],
    removed: [],
    changed: [],
    areaDeltaSquareMetersById: {},
    totalAreaDeltaSquareMeters: sum(measuredAfter.areaSquareMeters) - sum(measuredBefore.areaSquareMeters),
    totalLengthDeltaMeters: sum(measuredAfter.lengthMeters) - sum(measuredBefore.lengthMeters),
    statusRegressions: [],
    namesById: {},
  };

  after.features.forEach((feature, afterIndex) => {
    if (afterById.get(feature.id) !== afterIndex) return;
    const beforeIndex = beforeById.get(feature.id);
    const afterArea = measuredAfter.areaSquareMeters[afterIndex] ?? 0;
    if (beforeIndex === undefined) {
      diff.added.push(feature.id);
      diff.namesById[feature.id] = feature.properties.name;
      diff.areaDeltaSquareMetersById[feature.id] = afterArea;
      return;
    }
    const old = before.features[beforeIndex];
    if (!old) return;
    const attributes = attributeChanges(old.properties, feature.properties);
    const geometryChanged = !jsonEqual(old.geometry, feature.geometry);
    if (attributes.length === 0 && !geometryChanged) return;
    const areaDelta = geometryChanged ? afterArea - (measuredBefore.areaSquareMeters[beforeIndex] ?? 0) : 0;
    const lengthDelta = geometryChanged
      ? (measuredAfter.lengthMeters[afterIndex] ?? 0) - (measuredBefore.lengthMeters[beforeIndex] ?? 0)
      : 0;
    diff.changed.push({ id: feature.id, attributes, geometryChanged, areaDeltaSquareMeters: areaDelta, lengthDeltaMeters: lengthDelta });
    diff.namesById[feature.id] = feature.properties.name;
    if (geometryChanged) diff.areaDeltaSquareMetersById[feature.id] = areaDelta;
    const from = lifecycle.get(old.properties.status);
    const to = lifecycle.get(feature.properties.status);
    if (from !== undefined && to !== undefined && to < from)
      diff.statusRegressions.push({ id: feature.id, from: old.properties.status, to: feature.properties.status });
  });

  before.features.forEach((feature, beforeIndex) => {
    if (beforeById.get(feature.id) !== beforeIndex || afterById.has(feature.id)) return;
    diff.removed.push(feature.id);
    diff.namesById[feature.id] = feature.properties.name;
    diff.areaDeltaSquareMetersById[feature.id] = -(measuredBefore.areaSquareMeters[beforeIndex] ?? 0);
  });
  return diff;
}

/** True when saving would change no feature (formatting and feature order aside). */
export function isEmptyDiff(diff: LayerDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** First occurrence wins: duplicate ids are a validation error, reported elsewhere. */
function indexById(features: readonly PlanFeature[]): Map<string, number> {
  const index = new Map<string, number>();
  features.forEach((feature, position) => {
    if (!index.has(feature.id)) index.set(feature.id, position);
  });
  return index;
}

function attributeChanges(before: Record<string, unknown>, after: Record<string, unknown>): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: AttributeChange[] = [];
  for (const key of keys) {
    const hadKey = Object.hasOwn(before, key);
    const hasKey = Object.hasOwn(after, key);
    if (hadKey && hasKey && jsonEqual(before[key], after[key])) continue;
    const change: AttributeChange = { key };
    if (hadKey) change.before = before[key];
    if (hasKey) change.after = after[key];
    changes.push(change);
  }
  return changes;
}

/** Equality of JSON values, ignoring object key order (QGIS and editors reorder keys). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}


function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
