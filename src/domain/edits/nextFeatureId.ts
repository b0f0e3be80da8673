import type { LayerDefinition } from '../plan/manifest';
import type { PlanFeature } from '../plan/planFeature';

const NUMBERED_ID = /^(.*?)(\d+)$/;

/**
 * A fresh id in the pattern the layer already uses: the commonest prefix, the highest number
 * plus one, zero-padded to the widest number seen ("UV-030" -> "UV-031", "RD-15" -> "RD-16").
 * Staff refer to projects by these ids, so a new one must look like its neighbours. A layer
 * with no numbered ids gets the initials of its id ("urban-villages" -> "UV-001").
 */
export function nextFeatureId(features: readonly Pick<PlanFeature, 'id'>[], layer: Pick<LayerDefinition, 'id'>, taken: ReadonlySet<string> = new Set()): string {
  return nextFeatureIds(features, layer, 1, taken)[0] ?? '';
}

/** `count` fresh ids in the layer's pattern, in order (an import of features without ids); one pass, however many. */
export function nextFeatureIds(features: readonly Pick<PlanFeature, 'id'>[], layer: Pick<LayerDefinition, 'id'>, count: number, taken: ReadonlySet<string> = new Set()): string[] {
  const byPrefix = new Map<string, { count: number; highest: number; width: number }>();
  for (const feature of features) {
    const match = NUMBERED_ID.exec(feature.id);
    if (!match) continue;
    const prefix = match[1] ?? '';
    const digits = match[2] ?? '';
    const entry = byPrefix.get(prefix) ?? { count: 0, highest: 0, width: 0 };
    entry.count++;
    entry.highest = Math.max(entry.highest, Number(digits));
    entry.width = Math.max(entry.width, digits.length);
    byPrefix.set(prefix, entry);
  }
  let best: { prefix: string; highest: number; width: number } = { prefix: initials(layer.id), highest: 0, width: 3 };
  let bestCount = 0;
  for (const [prefix, entry] of byPrefix)
    if (entry.count > bestCount) {
      best = { prefix, highest: entry.highest, width: entry.width };
      bestCount = entry.count;
    }
  const existing = new Set(features.map((feature) => feature.id));
  const ids: string[] = [];
  for (let number = best.highest + 1; ids.length < count; number++) {
    const id = `${best.prefix}${String(number).padStart(best.width, '0')}`;
    if (!existing.has(id) && !taken.has(id)) ids.push(id);
  }
  return ids;
}

function initials(layerId: string): string {
  const letters = layerId
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  return `${letters || 'F'}-`;
}
