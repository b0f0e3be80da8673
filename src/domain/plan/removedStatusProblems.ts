import type { ValidationIssue } from '../validation/validationReport';
import type { Manifest } from './manifest';
import { safeText } from '../validation/safeText';

/**
 * A status id that `after` drops from a layer's lifecycle (removed, or renamed, which is the same
 * to the features) while features of that layer still use it: one problem per status, naming the
 * layer, the status and how many features use it, and what to do instead.
 * `useCounts` is statusUseCounts of each layer's file, keyed by layer id.
 */
export function removedStatusProblems(before: Manifest, after: Manifest, useCounts: Readonly<Record<string, Readonly<Record<string, number>>>>, file = 'layers.json'): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  after.layers.forEach((layer, layerIndex) => {
    const old = before.layers.find((candidate) => candidate.id === layer.id);
    const counts = useCounts[layer.id] ?? {};
    for (const status of old?.statuses ?? []) {
      const count = counts[status.id] ?? 0;
      if (count === 0 || layer.statuses.some((candidate) => candidate.id === status.id)) continue;
      const layerName = `${safeText(layer.name.zh)}（${safeText(layer.id)}）`;
      problems.push({
        file,
        path: `/layers/${layerIndex}/statuses`,
        code: 'STATUS_IN_USE',
        message: {
          zh: `${layerName}有 ${count} 个要素使用状态 ${safeText(status.id)}（${safeText(status.label.zh)}），不能删除或改名；请先在编辑中把这些要素改为其他状态，或只改它的名称和颜色`,
          en: `${count} features of ${safeText(layer.name.en)} (${safeText(layer.id)}) use status ${safeText(status.id)} (${safeText(status.label.en)}), so it cannot be removed or renamed; move those features to another status first, or change only its label and colour`,
        },
      });
    }
  });
  return problems;
}
