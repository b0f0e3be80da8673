import { useCallback, useRef } from 'react';
import { buildSnapIndex, type SnapIndex } from '../../domain/edits/snapIndex';
import type { PlanFeature } from '../../domain/plan/planFeature';
import type { LayerEdits } from './editingReducer';

/**
 * The snap indexes of the working copies on show, built on first use and kept per features
 * array: an edit gives its layer a new array (one rebuild), the other layers keep theirs. Hidden
 * layers are not snapped to, since the user cannot see what the pointer would stick to.
 */
export function useSnapIndexes(layers: Readonly<Record<string, LayerEdits>>, hiddenLayerIds: readonly string[]): () => SnapIndex[] {
  const cache = useRef(new WeakMap<readonly PlanFeature[], SnapIndex>());
  const current = useRef({ layers, hiddenLayerIds });
  current.current = { layers, hiddenLayerIds };
  return useCallback(() => Object.entries(current.current.layers)
    .filter(([layerId]) => !current.current.hiddenLayerIds.includes(layerId))
    .map(([layerId, edits]) => {
      const features = edits.working.features;
      let index = cache.current.get(features);
      if (!index) {
        index = buildSnapIndex(layerId, features);
        cache.current.set(features, index);
      }
      return index;
    }), []);
}
