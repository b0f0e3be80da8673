import type { StructureContext } from './checkGeometryStructure';
import { featureIssue } from './featureIssue';
import { quoteValue, quoteValueZh } from './safeText';

/** RFC 7946 §5: a bbox is 2n numbers, all axes of the south-west corner, then the north-east. */
export function checkBboxShape(value: unknown, path: string, context: Pick<StructureContext, 'label' | 'problems'>): boolean {
  const ok = Array.isArray(value) && (value.length === 4 || value.length === 6) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
  if (ok) return true;
  const items = Array.isArray(value) ? `: [${value.slice(0, 8).map((item) => quoteValue(item, 12)).join(', ')}]` : '';
  context.problems.push(
    featureIssue(
      context.label,
      'INVALID_BBOX',
      path,
      `bbox 须为 4 个（或 6 个）数字 [西, 南, 东, 北]，实际为 ${quoteValueZh(value)}${items}；请改正或删除 bbox`,
      `bbox must be 4 (or 6) numbers [west, south, east, north], got ${quoteValue(value)}${items}; fix or remove it`,
    ),
  );
  return false;
}
