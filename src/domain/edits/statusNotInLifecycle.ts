import type { LayerDefinition } from '../plan/manifest';
import { statusNotInLifecycleText } from '../plan/statusNotInLifecycleText';
import type { EditResult } from './editResult';

/** The refusal for a status the layer's lifecycle does not have, naming the ones it has; null when it has it. */
export function statusNotInLifecycle(layer: LayerDefinition, statusId: string): EditResult | null {
  if (layer.statuses.some((candidate) => candidate.id === statusId)) return null;
  return { ok: false, reason: statusNotInLifecycleText(statusId, layer) };
}
