import type { Manifest } from '../plan/manifest';
import type { Tour } from './tour';
import type { ValidationIssue } from '../validation/validationReport';
import { quoteValue, quoteValueZh } from '../validation/safeText';
import { statusNotInLifecycleText } from '../plan/statusNotInLifecycleText';

/**
 * What the tour's contract cannot know: that its layers, statuses and highlighted features exist
 * in this district's data. `featureIds` maps each layer id to its feature ids.
 */
export function tourProblems(tour: Tour, manifest: Manifest, featureIds: ReadonlyMap<string, ReadonlySet<string>>): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const layers = new Map(manifest.layers.map((layer) => [layer.id, layer]));
  const seen = new Set<string>();
  const layerProblem = (path: string, layerId: string) => {
    if (layers.has(layerId)) return;
    const known = [...layers.keys()].join(', ');
    problems.push({ path, code: 'UNKNOWN_LAYER', message: { zh: `未知图层 ${quoteValueZh(layerId)}，应为：${known}`, en: `unknown layer ${quoteValue(layerId)}; use one of ${known}` } });
  };
  tour.scenes.forEach((scene, index) => {
    const base = `/scenes/${index}`;
    if (seen.has(scene.id)) problems.push({ path: `${base}/id`, code: 'DUPLICATE_ID', message: { zh: `场景编号重复 ${quoteValueZh(scene.id)}`, en: `duplicate scene id ${quoteValue(scene.id)}` } });
    seen.add(scene.id);
    scene.layers?.forEach((layerId, position) => layerProblem(`${base}/layers/${position}`, layerId));
    if (scene.focusLayer) layerProblem(`${base}/focusLayer`, scene.focusLayer);
    for (const [layerId, statuses] of Object.entries(scene.filters ?? {})) {
      const layer = layers.get(layerId);
      if (!layer) { layerProblem(`${base}/filters/${layerId}`, layerId); continue; }
      statuses.forEach((status, position) => {
        if (!layer.statuses.some((candidate) => candidate.id === status)) {
          problems.push({ path: `${base}/filters/${layerId}/${position}`, code: 'UNKNOWN_STATUS', message: statusNotInLifecycleText(status, layer) });
        }
      });
    }
    scene.highlight?.forEach((ref, position) => {
      if (!layers.has(ref.layer)) { layerProblem(`${base}/highlight/${position}/layer`, ref.layer); return; }
      if (!featureIds.get(ref.layer)?.has(ref.id)) {
        problems.push({
          path: `${base}/highlight/${position}/id`,
          code: 'UNKNOWN_FEATURE',
          message: { zh: `图层 ${ref.layer} 中没有项目 ${quoteValueZh(ref.id)}`, en: `no feature ${quoteValue(ref.id)} in layer ${ref.layer}` },
        });
      }
    });
  });
  return problems;
}
