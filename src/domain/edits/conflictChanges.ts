import { diffLayers, type LayerDiff } from '../changes/layerDiff';
import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeature, PlanFeatureCollection } from '../plan/planFeature';
import type { DraftConflict } from './rebaseDraft';

/**
 * What each side did to a conflicted feature since the draft's base, in the same terms as the
 * pre-save review (attribute changes, area deltas, status regressions), for the conflict view.
 */
export function conflictChanges(layer: LayerDefinition, conflict: DraftConflict): { onServer: LayerDiff; ours: LayerDiff } {
  const base = single(conflict.base);
  return { onServer: diffLayers(layer, base, single(conflict.theirs)), ours: diffLayers(layer, base, single(conflict.ours)) };
}

function single(feature: PlanFeature | null): PlanFeatureCollection {
  return { type: 'FeatureCollection', features: feature ? [feature] : [] };
}
