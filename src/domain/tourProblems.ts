import type { Manifest } from './manifest';
import type { Tour } from './tour';
import { isCalendarDate } from './isCalendarDate';

export interface TourProblem {
  /** JSON pointer into tour.json. */
  path: string;
  message: string;
}

/**
 * What the tour's JSON Schema cannot know: that its layers, statuses, dates and highlighted
 * features exist in this district's data. `featureIds` maps each layer id to its feature ids.
 */
export function tourProblems(tour: Tour, manifest: Manifest, featureIds: ReadonlyMap<string, ReadonlySet<string>>): TourProblem[] {
  const problems: TourProblem[] = [];
  const layers = new Map(manifest.layers.map((layer) => [layer.id, layer]));
  const seen = new Set<string>();
  const layerProblem = (path: string, layerId: string) => {
    if (!layers.has(layerId)) problems.push({ path, message: `未知图层 / unknown layer "${layerId}"; use one of ${[...layers.keys()].join(', ')}` });
  };
  tour.scenes.forEach((scene, index) => {
    const base = `/scenes/${index}`;
    if (seen.has(scene.id)) problems.push({ path: `${base}/id`, message: `场景编号重复 / duplicate scene id "${scene.id}"` });
    seen.add(scene.id);
    scene.layers?.forEach((layerId, position) => layerProblem(`${base}/layers/${position}`, layerId));
    if (scene.focusLayer) layerProblem(`${base}/focusLayer`, scene.focusLayer);
    for (const [layerId, statuses] of Object.entries(scene.filters ?? {})) {
      const layer = layers.get(layerId);
      if (!layer) { layerProblem(`${base}/filters/${layerId}`, layerId); continue; }
      statuses.forEach((status, position) => {
        if (!layer.statuses.some((candidate) => candidate.id === status)) {
          problems.push({ path: `${base}/filters/${layerId}/${position}`, message: `图层 ${layerId} 没有状态 "${status}" / layer ${layerId} has no status "${status}"` });
        }
      });
    }
    if (scene.asOfDate && !isCalendarDate(scene.asOfDate)) {
      problems.push({ path: `${base}/asOfDate`, message: `日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD, got "${scene.asOfDate}"` });
    }
    scene.highlight?.forEach((ref, position) => {
      if (!layers.has(ref.layer)) { layerProblem(`${base}/highlight/${position}/layer`, ref.layer); return; }
      if (!featureIds.get(ref.layer)?.has(ref.id)) {
        problems.push({ path: `${base}/highlight/${position}/id`, message: `图层 ${ref.layer} 中没有项目 "${ref.id}" / no feature "${ref.id}" in layer ${ref.layer}` });
      }
    });
  });
  return problems;
}
