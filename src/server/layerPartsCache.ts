import type { LayerDefinition } from '../domain/plan/manifest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseManifest } from '../data/parseGeodata';
import { layerPartsFromBytes } from '../data/layerPartsFromBytes';
import { LAYER_PARTS_FORMAT, encodeLayerParts } from '../data/layerPartsCodec';
import { contentVersionOf, etagOf } from '../data/contentVersion';
import { sendVersioned } from './serveFile';
import { layerFileName } from '../data/layerFileName';
import type { GeodataReader } from '../data/geodataReader';

export { LAYER_PARTS_HEADER } from '../data/layerPartsHeader';

interface CachedParts {
  /** The change keys of layers.json and of the layer file the parts were computed from. */
  statKey: string;
  /** Of the content: the layer file's version and the manifest's. */
  etag: string;
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

  constructor(private readonly geodata: GeodataReader) {}

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
      etag: entry.etag,
      contentType: 'application/octet-stream',
      cacheControl: 'no-cache',
    });
    return true;
  }

  /** Computes every layer's parts but the `skipped` ahead of the first page (errors wait for that page to show them). */
  async warm(skipped: ReadonlySet<string> = new Set()): Promise<void> {
    const text = (await this.geodata.read('layers.json'))?.toString('utf8');
    if (text === undefined) return;
    for (const layer of parseManifest(text).layers) if (!skipped.has(layer.id)) await this.partsOf(layer.id).catch(() => null);
  }

  private partsOf(layerId: string): Promise<CachedParts | null> {
    const next = this.queue.then(() => this.computePartsOf(layerId));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * A cached entry is kept while neither file's change key (size and modification time on disk,
   * the version in the database) changed, so a hit
   * reads and hashes nothing. A rewrite that keeps both is caught by the page: the parts name
   * the file's content version, which must equal the ETag of the bytes it got.
   */
  private async computePartsOf(layerId: string): Promise<CachedParts | null> {
    const [manifestKey, fileKey] = await Promise.all([this.geodata.changeKey('layers.json'), this.geodata.changeKey(layerFileName(layerId))]);
    if (!manifestKey || !fileKey) return null;
    const statKey = `${manifestKey} ${fileKey}`;
    const cached = this.cached.get(layerId);
    if (cached?.statKey === statKey) return cached;
    const [manifestBytes, bytes] = await Promise.all([this.geodata.read('layers.json'), this.geodata.read(layerFileName(layerId))]);
    if (!manifestBytes || !bytes) return null;
    let definition: LayerDefinition | undefined;
    try {
      definition = parseManifest(manifestBytes.toString('utf8')).layers.find((layer) => layer.id === layerId);
    } catch {
      return null;
    }
    if (!definition) return null;
    const sourceTag = etagOf(contentVersionOf(bytes));
    const { featureText: _featureText, ...parts } = layerPartsFromBytes(definition, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), `${layerId}.geojson`);
    const entry = {
      statKey,
      // A new parts format is a new version too: a browser must not revalidate old parts into a new app.
      etag: etagOf(contentVersionOf(new TextEncoder().encode(`${LAYER_PARTS_FORMAT} ${sourceTag} ${contentVersionOf(manifestBytes)}`))),
      blob: encodeLayerParts(parts, sourceTag),
    };
    this.cached.set(layerId, entry);
    return entry;
  }
}
