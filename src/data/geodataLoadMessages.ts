import type { LayerDefinition } from '../domain/plan/manifest';
import type { LayerParts } from '../domain/measure/measuredLayer';

/** Main thread → load worker: fetch and prepare these layers. */
export interface GeodataLoadRequest {
  /**
   * `partsUrl`: where the server offers the layer's parts computed ahead (LayerPartsCache), if it
   * does; `bytes`: the file's bytes when the page has them already (transferred, not fetched again),
   * with `bytesVersion`, their ETag.
   */
  layers: { definition: LayerDefinition; url: string; file: string; partsUrl?: string; bytes?: Uint8Array; bytesVersion?: string }[];
}

/** Load worker → main thread, once per layer as each is ready, in whatever order they finish. */
export type GeodataLoadReply =
  /**
   * `sourceTag`: the parts came from the server without the features' text; they belong to the
   * layer file whose ETag this is (the page fetches the text later and checks it).
   * `version`: the ETag of the file the parts describe, when the server named one.
   */
  | { layerId: string; parts: LayerParts; sourceTag?: string; version?: string }
  | { layerId: string; error: { file: string; message: string } };
