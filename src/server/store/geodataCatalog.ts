import { createHash } from 'node:crypto';
import { parseManifest } from '../../data/parseGeodata';
import type { LayerDefinition, Manifest } from '../../domain/plan/manifest';
import type { GeodataSchemas } from '../../domain/plan/schemaValidation';
import { layerFileName } from '../../data/layerFileName';
import type { GeodataReader } from '../../data/geodataReader';
import { join } from 'node:path';

/** The manifest and schemas as they are on disk now: staff may edit layers.json too. */
export interface GeodataCatalog {
  manifest: Manifest;
  manifestJson: unknown;
  schemas: GeodataSchemas;
  /** Changes whenever layers.json or a schema file changes; keys caches of compiled validators. */
  fingerprint: string;
}

export class CatalogUnavailableError extends Error {}

async function readJsonFile(geodata: GeodataReader, path: string): Promise<{ text: string; json: unknown } | null> {
  const text = (await geodata.read(path))?.toString('utf8') ?? null;
  if (text === null) return null;
  try {
    return { text, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return null;
  }
}

export async function readGeodataCatalog(geodata: GeodataReader): Promise<GeodataCatalog> {
  const manifestFile = await readJsonFile(geodata, 'layers.json');
  if (!manifestFile) throw new CatalogUnavailableError('layers.json is missing or not JSON');
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestFile.text.replace(/^\uFEFF/, ''), 'layers.json');
  } catch (error) {
    throw new CatalogUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const hash = createHash('sha256').update(manifestFile.text);
  const readSchema = async (name: string): Promise<unknown> => {
    const file = await readJsonFile(geodata, `schema/${name}`);
    hash.update(`\0${name}\0${file?.text ?? ''}`);
    return file?.json;
  };
  const planLayer = await readSchema('plan-layer.schema.json');
  const fingerprint = hash.digest('hex');
  return { manifest, manifestJson: manifestFile.json, schemas: schemasFor(fingerprint, { planLayer }), fingerprint };
}

let lastSchemas: { fingerprint: string; schemas: GeodataSchemas } | undefined;

/**
 * The same schemas object while the fingerprint stays: validators compiled from it are cached on
 * the object (layerValidatorFor), and the catalog is read again for every request, so a new
 * object each time had every save compile the schemas anew.
 */
function schemasFor(fingerprint: string, read: GeodataSchemas): GeodataSchemas {
  if (lastSchemas?.fingerprint !== fingerprint) lastSchemas = { fingerprint, schemas: read };
  return lastSchemas.schemas;
}

/**
 * The manifest's definition of a layer id taken from a URL, or undefined. Storage paths are
 * built from the returned definition's id (a slug checked by parseManifest), never from the URL.
 */
export function findLayer(catalog: GeodataCatalog, requestedId: string): LayerDefinition | undefined {
  return catalog.manifest.layers.find((definition) => definition.id === requestedId);
}

export function layerFilePath(geodataDirectory: string, definition: Pick<LayerDefinition, 'id'>): string {
  return join(geodataDirectory, layerFileName(definition.id));
}
