import { useCallback, useMemo } from 'react';
import type { FeatureRef } from '../../map/PlanMapController';
import type { StaffEditing } from './useStaffEditing';

/**
 * Shift+click, for editors, adds a feature of the same layer to a selection (or takes it out);
 * a plain click ends the selection and selects as usual.
 */
export function useShiftSelection(editing: StaffEditing, selected: FeatureRef | null) {
  const { state, select, canEditFeature } = editing;
  const selection = state.selection;
  const onFeatureClick = useCallback((feature: FeatureRef | null, shiftKey: boolean): boolean => {
    if (!shiftKey || !feature || !canEditFeature(feature)) {
      if (selection) select(null);
      return false;
    }
    const current = selection?.layerId === feature.layerId
      ? selection.featureIds
      : selected?.layerId === feature.layerId ? [selected.featureId] : [];
    const featureIds = current.includes(feature.featureId) ? current.filter((id) => id !== feature.featureId) : [...current, feature.featureId];
    select(featureIds.length > 0 ? { layerId: feature.layerId, featureIds } : null);
    return true;
  }, [canEditFeature, select, selection, selected]);
  const highlighted = useMemo(
    () => selection?.featureIds.map((featureId) => ({ layerId: selection.layerId, featureId })),
    [selection],
  );
  return { onFeatureClick, highlighted };
}
