import { isRecord } from '../isRecord';

/**
 * How many features of a layer use each status id, now or in their history: a status that any
 * feature names cannot leave the lifecycle without making the layer unloadable. The input is the
 * layer's JSON as stored (untrusted), so only well-shaped parts are counted.
 */
export function statusUseCounts(layerJson: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const features = isRecord(layerJson) && Array.isArray(layerJson.features) ? layerJson.features : [];
  for (const feature of features) {
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : undefined;
    if (!properties) continue;
    const used = new Set<string>();
    if (typeof properties.status === 'string') used.add(properties.status);
    if (Array.isArray(properties.history))
      for (const change of properties.history) if (isRecord(change) && typeof change.status === 'string') used.add(change.status);
    for (const status of used) counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
