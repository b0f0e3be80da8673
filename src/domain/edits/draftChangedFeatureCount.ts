import type { Draft } from './draft';

/** How many projects a draft adds, changes or deletes, each counted once however often it was edited. */
export function draftChangedFeatureCount(draft: Draft): number {
  const ids = new Set<string>();
  for (const moment of draft.moments) {
    for (const feature of moment.putFeatures) ids.add(feature.id);
    for (const id of moment.deleteFeatureIds) ids.add(id);
  }
  return ids.size;
}
