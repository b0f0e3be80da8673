/// <reference lib="webworker" />
import { layerPartsFromText, transferablesOf } from './layerPartsFromText';
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
    const parts = layerPartsFromText(definition, await response.text(), file);
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
  // One after another: on two cores a second parse in parallel only competes with the page.
  void event.data.layers.reduce((previous, layer) => previous.then(() => loadLayer(layer)), Promise.resolve());
};
