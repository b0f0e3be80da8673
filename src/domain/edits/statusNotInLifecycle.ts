import type { LayerDefinition } from '../manifest';
import { rejected, type EditResult } from './editResult';

/** The refusal for a status the layer's lifecycle does not have, naming the ones it has; null when it has it. */
export function statusNotInLifecycle(layer: LayerDefinition, statusId: string): EditResult | null {
  if (layer.statuses.some((candidate) => candidate.id === statusId)) return null;
  const known = layer.statuses.map((candidate) => candidate.id).join(', ');
  return rejected(`状态 "${statusId}" 不在图层“${layer.name.zh}”的生命周期中（${known}）`, `status "${statusId}" is not in the lifecycle of layer "${layer.name.en}" (${known})`);
}
