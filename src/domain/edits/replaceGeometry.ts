import { jsonEqual } from '../changes/layerDiff';
import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeatureCollection } from '../plan/planFeature';
import { checkEditedGeometry, geometryKindOf } from './checkEditedGeometry';
import { accepted, emptyEdit, featureNotFound, findFeature, type EditResult } from './editResult';

/**
 * Gives a feature a new shape (a redrawn outline, a reshaped or snapped line). The shape must
 * be valid and of the layer's kind: the layer's when given, else the kind the feature has.
 */
export function replaceGeometry(collection: PlanFeatureCollection, featureId: string, geometry: unknown, layer?: LayerDefinition): EditResult {
  const found = findFeature(collection, featureId);
  if (!found) return featureNotFound(featureId);
  const { feature, index } = found;
  const kind = layer?.geometry ?? geometryKindOf(feature.geometry);
  const checked = checkEditedGeometry(geometry, kind, index, feature);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  if (jsonEqual(checked.geometry, feature.geometry)) return emptyEdit('replace-geometry');
  return accepted({ putFeatures: [{ ...feature, geometry: checked.geometry }], deleteFeatureIds: [], note: 'replace-geometry' });
}
