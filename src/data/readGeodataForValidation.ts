import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GeodataSchemas } from '../domain/plan/schemaValidation';
import { readTextFile } from './readGeodataDirectory';
import { GeodataError } from './parseGeodata';

/** Node only: the raw JSON of a geodata folder and its schemas, as validateGeodata takes them. */
export interface GeodataForValidation {
  manifestJson: unknown;
  layers: Record<string, unknown>;
  schemas: GeodataSchemas;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GeodataError(path, '', `不是有效的 JSON / not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function layerIdsOf(manifestJson: unknown): string[] {
  const layers = (manifestJson as { layers?: unknown }).layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) => {
    const id = (layer as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Reads layers.json, each layer file it names that exists (a missing one is reported by the
 * validator) and the shared plan-layer schema from `schemaDirectory` (each layer's own is derived from the manifest).
 */
export async function readGeodataForValidation(directory: string, schemaDirectory = join(directory, 'schema')): Promise<GeodataForValidation> {
  const manifestJson = await readJson(join(directory, 'layers.json'));
  const layerIds = layerIdsOf(manifestJson);
  const layers: Record<string, unknown> = {};
  for (const layerId of layerIds) {
    const layerPath = join(directory, `${layerId}.geojson`);
    if (existsSync(layerPath)) layers[layerId] = await readJson(layerPath);
  }
  return {
    manifestJson,
    layers,
    schemas: { planLayer: await readJson(join(schemaDirectory, 'plan-layer.schema.json')) },
  };
}
