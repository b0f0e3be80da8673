import { isRecord } from '../isRecord';

/** The control line ids of an untrusted layers.json, in its order. */
export function controlLineIdsOf(manifestJson: unknown): string[] {
  if (!isRecord(manifestJson) || !Array.isArray(manifestJson.controlLines)) return [];
  return (manifestJson.controlLines as unknown[]).flatMap((line) => (isRecord(line) && typeof line.id === 'string' ? [line.id] : []));
}
