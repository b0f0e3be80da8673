import { nextFeatureId } from '../edits/nextFeatureId';
import type { LayerDefinition } from '../plan/manifest';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The ids a layer's projects take: the prefix nextFeatureId numbers new ones with ("UV-" of
 * "UV-031") followed by digits. Staff refer to projects by these ids, so a column of a file
 * (a surveyor's 编号 "BH-07" or "3") becomes the plan id only when its values look like them.
 */
export function layerIdPattern(layerIds: readonly string[], layer: Pick<LayerDefinition, 'id'>): RegExp {
  const sample = nextFeatureId(layerIds.map((id) => ({ id })), layer);
  const prefix = sample.replace(/\d+$/, '');
  return new RegExp(`^${escapeRegExp(prefix)}\\d+$`);
}
