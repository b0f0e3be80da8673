/// <reference lib="webworker" />
import { transferablesOf } from './layerPartsFromText';
import { layerPartsFromBytes } from './layerPartsFromBytes';
import { decodeLayerParts, type DecodedLayerParts } from './layerPartsCodec';
import type { LayerParts } from '../domain/measure/measuredLayer';
import type { GeodataLoadReply, GeodataLoadRequest } from './geodataLoadMessages';
import { GeodataError } from './parseGeodata';
import { httpFailure } from './httpFailure';

/**
 * The load worker: fetches, parses, measures and triangulates each layer off the main thread
 * (or takes the server's parts for it), then transfers the typed arrays (no copy) so the page
 * only has to hand them to the GPU.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The server's parts, when it offers them; it answers 204 for a file it cannot read, which the worker then reads to name the error. */
async function serverParts(partsUrl: string | undefined): Promise<DecodedLayerParts | null> {
  if (!partsUrl) return null;
  const response = await fetch(partsUrl).catch(() => null);
  if (!response?.ok || response.status === 204) return null;
  return decodeLayerParts(await response.arrayBuffer());
}

async function fileBytes(url: string, file: string): Promise<{ bytes: Uint8Array; version: string | undefined }> {
  const response = await fetch(url);
  if (!response.ok) throw httpFailure(file, response);
  return { bytes: new Uint8Array(await response.arrayBuffer()), version: response.headers.get('ETag') ?? undefined };
}

async function loadLayer({ definition, url, file, partsUrl, bytes, bytesVersion }: GeodataLoadRequest['layers'][number]): Promise<void> {
  try {
    const served = await serverParts(partsUrl);
    if (served) {
      const parts: LayerParts = { ...served.parts, featureText: null };
      const reply: GeodataLoadReply = { layerId: definition.id, parts, sourceTag: served.sourceTag, version: served.sourceTag };
      scope.postMessage(reply, transferablesOf(parts));
      return;
    }
    const source = bytes ? { bytes, version: bytesVersion } : await fileBytes(url, file);
    const parts = layerPartsFromBytes(definition, source.bytes, file);
    const reply: GeodataLoadReply = { layerId: definition.id, parts, version: source.version };
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
