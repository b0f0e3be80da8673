import type { LocalizedText } from './localizedText';
import { quoteValue, quoteValueZh } from '../validation/safeText';

/**
 * The one wording for a status a layer's lifecycle does not have, naming the ones it has: used by
 * the checks of layers.json, of layer files and of the tour, and by the edits that refuse it.
 * `layer` names the layer where the reader may not know which one is meant.
 */
export function statusNotInLifecycleText(status: string, layer: { statuses: readonly { id: string }[]; name?: LocalizedText }): LocalizedText {
  const allowed = layer.statuses.map((candidate) => candidate.id).join(', ');
  const zhLayer = layer.name ? `图层“${layer.name.zh}”` : '本图层';
  const enLayer = layer.name ? `layer "${layer.name.en}"` : "this layer";
  return {
    zh: `状态 ${quoteValueZh(status)} 不在${zhLayer}的状态流程中（${allowed}）`,
    en: `status ${quoteValue(status)} is not in the lifecycle of ${enLayer} (${allowed})`,
  };
}
