/// <reference lib="webworker" />
import { transferablesOf } from './layerPartsFromText';
import { layerPartsFromBytes } from './layerPartsFromBytes';
import type { GeodataLoadReply, GeodataLoadRequest } from './geodataLoadMessages';
import { GeodataError } from './parseGeodata';

/**
 * The load worker: fetches, parses, measures and triangulates each layer off the main thread,
 * then transfers the typed arrays (no copy) so the page only has to hand them to the GPU.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function loadLayer({ definition, url, file }: GeodataLoadRequest['layers'][number]): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const parts = layerPartsFromBytes(definition, new Uint8Array(await response.arrayBuffer()), file);
    const reply: GeodataLoadReply = { layerId: definition.id, parts };
    scope.postMessage(reply, transferablesOf(parts));
  } catch (error) {
    // A GeodataError already names the file and the path in the file.
    const message = error instanceof GeodataError ? error.message : `${file}: ${error instanceof Error ? error.message : String(error)}`;
    const reply: GeodataLoadReply = { layerId: definition.id, error: { file, message } };
    scope.postMessage(reply);
  }
}

scope.onmessage = (event: MessageEvent<GeodataLoadRequest>) => {
  void event.data.layers.reduce((previous, layer) => previous.then(() => loadLayer(layer)), Promise.resolve());
};
