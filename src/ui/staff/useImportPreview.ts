import { useCallback, useEffect, useMemo, useState } from 'react';
import { mergeImportedFeatures } from '../../domain/import/mergeImportedFeatures';
import type { PlanFeatureCollection } from '../../domain/plan/planFeature';
import type { StaffEditing } from './useStaffEditing';

interface Previewed {
  layerId: string;
  /** The working copy before the preview: the base every later choice starts from. */
  before: PlanFeatureCollection;
  candidate: PlanFeatureCollection;
  /** The working copy the preview produced, to tell later edits by staff from it. */
  applied?: PlanFeatureCollection;
}

interface ImportPreview {
  /** What the layer becomes with the current choice: the import alone, or added to the layer. */
  candidate: PlanFeatureCollection | undefined;
  /** Puts the candidate into the working copy. */
  preview: () => void;
}

/**
 * Keeps a preview equal to the working copy before it plus the current choice: once the choice
 * changes (mode, valid-only, mapping, layer) the earlier preview is taken back out, so Save never
 * stores a choice the panel no longer shows.
 */
export function useImportPreview(editing: StaffEditing, targetId: string, imported: PlanFeatureCollection | undefined, merge: boolean): ImportPreview {
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const { replace } = editing;
  const layers = editing.state.layers;
  const mergeBase = previewed?.layerId === targetId ? previewed.before : layers[targetId]?.working;
  const candidate = useMemo(() => (imported && merge && mergeBase ? mergeImportedFeatures(mergeBase, imported) : imported), [imported, merge, mergeBase]);
  const current = previewed ? layers[previewed.layerId]?.working : undefined;

  useEffect(() => {
    if (!previewed) return;
    if (!previewed.applied) {
      setPreviewed({ ...previewed, applied: current });
      return;
    }
    // Edited, undone or saved since the preview: that working copy is the staff's own now.
    if (current !== previewed.applied) {
      setPreviewed(null);
      return;
    }
    if (previewed.layerId === targetId && previewed.candidate === candidate) return;
    replace(previewed.layerId, previewed.before);
    setPreviewed(null);
  }, [previewed, current, targetId, candidate, replace]);

  const preview = useCallback(() => {
    const before = layers[targetId]?.working;
    if (!candidate || !before) return;
    replace(targetId, candidate);
    setPreviewed((earlier) => (earlier?.layerId === targetId ? { ...earlier, candidate, applied: undefined } : { layerId: targetId, before, candidate }));
  }, [layers, targetId, candidate, replace]);

  return { candidate, preview };
}
