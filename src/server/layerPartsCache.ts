import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseManifest } from '../data/parseGeodata';
import { layerPartsFromBytes } from '../data/layerPartsFromBytes';
import { encodeLayerParts } from '../data/layerPartsCodec';
import { contentVersionOf, etagOf } from './store/contentVersion';
import { sendVersioned } from './serveFile';

export { LAYER_PARTS_HEADER } from '../data/layerPartsHeader';

interface CachedParts {
  /** Versions of the layer file and of the manifest the parts were computed from. */
  key: string;
  blob: Uint8Array;
}

/**
 * `/geodata/<layer-id>.parts`: what the page's load worker would compute from a layer file
 * (parsed, measured, flattened, triangulated), computed here once per version of the file and of
 * layers.json and kept, so that every page after the first gets the layer ready to draw. The
 * layer file itself stays the source of truth: the parts name its ETag, and a page that reads
 * another version of the file computes its own.
 */
export class LayerPartsCache {
  private readonly cached = new Map<string, CachedParts>();
  /** One computation at a time: two pages asking at once get the same parts, computed once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly geodataDirectory: string) {}

  /** Sends the parts of `layerId` (204, nothing, when the file cannot be read); false when there is no such layer or file. */
  async serve(request: IncomingMessage, response: ServerResponse, layerId: string): Promise<boolean> {
    let entry: CachedParts | null;
    try {
      entry = await this.partsOf(layerId);
    } catch {
      // A layer file the app cannot read: the page reads it itself and names the problem.
      response.statusCode = 204;
      response.setHeader('Cache-Control', 'no-store');
      response.end();
      return true;
    }
    if (!entry) return false;
    sendVersioned(request, response, entry.blob, {
      etag: etagOf(contentVersionOf(new TextEncoder().encode(entry.key))),
      contentType: 'application/octet-stream',
      cacheControl: 'no-cache',
    });
    return true;
  }

  /** Computes every layer's parts ahead of the first page (errors wait for that page to show them). */
  async warm(): Promise<void> {
    const manifest = await this.manifest();
    for (const layer of manifest?.layers ?? []) await this.partsOf(layer.id).catch(() => null);
  }

  private async manifest() {
    const text = await readFile(join(this.geodataDirectory, 'layers.json'), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      return { text, ...parseManifest(text) };
    } catch {
      return null;
    }
  }

  private partsOf(layerId: string): Promise<CachedParts | null> {
    const next = this.queue.then(() => this.computePartsOf(layerId));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async computePartsOf(layerId: string): Promise<CachedParts | null> {
    const manifest = await this.manifest();
    const definition = manifest?.layers.find((layer) => layer.id === layerId);
    if (!manifest || !definition) return null;
    const file = `${definition.id}.geojson`;
    const bytes = await readFile(join(this.geodataDirectory, file)).catch(() => null);
    if (!bytes) return null;
    const sourceTag = etagOf(contentVersionOf(bytes));
    const key = `${sourceTag} ${contentVersionOf(new TextEncoder().encode(manifest.text))}`;
    const cached = this.cached.get(layerId);
    if (cached?.key === key) return cached;
    const { featureText: _featureText, ...parts } = layerPartsFromBytes(definition, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
    const entry = { key, blob: encodeLayerParts(parts, sourceTag) };
    this.cached.set(layerId, entry);
    return entry;
  }
}
