import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest } from '../../data/parseGeodata';
import type { LayerDefinition, Manifest } from '../../domain/plan/manifest';
import type { GeodataSchemas } from '../../domain/plan/schemaValidation';

/** The manifest and schemas as they are on disk now: staff may edit layers.json too. */
export interface GeodataCatalog {
  manifest: Manifest;
  manifestJson: unknown;
  schemas: GeodataSchemas;
  /** Changes whenever layers.json or a schema file changes; keys caches of compiled validators. */
  fingerprint: string;
}

export class CatalogUnavailableError extends Error {}

async function readJsonFile(path: string): Promise<{ text: string; json: unknown } | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return { text, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return null;
  }
}

export async function readGeodataCatalog(geodataDirectory: string): Promise<GeodataCatalog> {
  const manifestFile = await readJsonFile(join(geodataDirectory, 'layers.json'));
  if (!manifestFile) throw new CatalogUnavailableError('layers.json is missing or not JSON');
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestFile.text.replace(/^\uFEFF/, ''), 'layers.json');
  } catch (error) {
    throw new CatalogUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const schemaDirectory = join(geodataDirectory, 'schema');
  const hash = createHash('sha256').update(manifestFile.text);
  const readSchema = async (name: string): Promise<unknown> => {
    const file = await readJsonFile(join(schemaDirectory, name));
    hash.update(`\0${name}\0${file?.text ?? ''}`);
    return file?.json;
  };
  const planLayer = await readSchema('plan-layer.schema.json');
  return { manifest, manifestJson: manifestFile.json, schemas: { planLayer }, fingerprint: hash.digest('hex') };
}

/**
 * The manifest's definition of a layer id taken from a URL, or undefined. Storage paths are
 * built from the returned definition's id (a slug checked by parseManifest), never from the URL.
 */
export function findLayer(catalog: GeodataCatalog, requestedId: string): LayerDefinition | undefined {
  return catalog.manifest.layers.find((definition) => definition.id === requestedId);
}

export function layerFilePath(geodataDirectory: string, definition: Pick<LayerDefinition, 'id'>): string {
  return join(geodataDirectory, `${definition.id}.geojson`);
}
