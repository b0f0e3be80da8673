import type { ValidationIssue } from '../validation/validationReport';
import { quoteValue, quoteValueZh } from '../validation/safeText';
import { isRecord } from '../isRecord';

/**
 * Control line ids name files beside the plan layers' (geodata/<id>.geojson) and address them in
 * URLs, so they must be unique and must not be a plan layer's id. The input is untrusted JSON:
 * shape errors are the contract's to report.
 */
export function controlLineIdIssues(file: string, manifest: Record<string, unknown>): ValidationIssue[] {
  if (!Array.isArray(manifest.controlLines)) return [];
  const layerIds = new Set<string>();
  if (Array.isArray(manifest.layers))
    for (const layer of manifest.layers as unknown[]) if (isRecord(layer) && typeof layer.id === 'string') layerIds.add(layer.id);
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  (manifest.controlLines as unknown[]).forEach((line, index) => {
    if (!isRecord(line) || typeof line.id !== 'string') return;
    const path = `/controlLines/${index}/id`;
    const first = seen.get(line.id);
    if (first !== undefined)
      issues.push({ file, path, code: 'DUPLICATE_ID', message: { zh: `管控线 id ${quoteValueZh(line.id)} 重复（首次出现于 /controlLines/${first}）`, en: `duplicate control line id ${quoteValue(line.id)} (first used at /controlLines/${first})` } });
    else seen.set(line.id, index);
    if (Array.isArray(line.exempt))
      line.exempt.forEach((layerId: unknown, exemptIndex) => {
        if (typeof layerId === 'string' && !layerIds.has(layerId))
          issues.push({ file, path: `/controlLines/${index}/exempt/${exemptIndex}`, code: 'UNKNOWN_LAYER', message: { zh: `图层 ${quoteValueZh(layerId)} 不是规划图层；请用 layers 中的 id`, en: `${quoteValue(layerId)} is not a plan layer; use an id from layers` } });
      });
    if (layerIds.has(line.id))
      issues.push({ file, path, code: 'DUPLICATE_ID', message: { zh: `管控线 id ${quoteValueZh(line.id)} 与规划图层 id 相同；两者共用 geodata/<id>.geojson 文件名`, en: `control line id ${quoteValue(line.id)} is also a plan layer id; both name a file geodata/<id>.geojson` } });
  });
  return issues;
}
