/// <reference lib="webworker" />
import { transferablesOf } from './layerPartsFromText';
import { layerPartsFromBytes } from './layerPartsFromBytes';
import { decodeLayerParts } from './layerPartsCodec';
import type { LayerParts } from '../domain/measuredLayer';
import type { GeodataLoadReply, GeodataLoadRequest } from './geodataLoadMessages';
import { GeodataError } from './parseGeodata';

/**
 * The load worker: fetches, parses, measures and triangulates each layer off the main thread,
 * then transfers the typed arrays (no copy) so the page only has to hand them to the GPU.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The server's parts for the file's bytes, when it offers them for this very version of the file. */
async function serverParts(partsResponse: Promise<Response> | null, fileResponse: Response, bytes: Uint8Array): Promise<LayerParts | null> {
  const response = await partsResponse?.catch(() => null);
  if (!response?.ok) return null;
  return decodeLayerParts(await response.arrayBuffer(), bytes, fileResponse.headers.get('ETag'));
}

async function loadLayer({ definition, url, file, partsUrl }: GeodataLoadRequest['layers'][number]): Promise<void> {
  try {
    const partsResponse = partsUrl ? fetch(partsUrl) : null;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bytes = new Uint8Array(await response.arrayBuffer());
    const parts = (await serverParts(partsResponse, response, bytes)) ?? layerPartsFromBytes(definition, bytes, file);
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
