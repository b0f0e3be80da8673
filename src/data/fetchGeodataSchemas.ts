import type { GeodataSchemas } from '../domain/plan/schemaValidation';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.json() as Promise<unknown>;
}

/**
 * The JSON Schemas the server validates a layer with (geodata/schema/), so the browser checks
 * an import's attributes the same way before anyone presses Save. Undefined when they cannot be
 * read: the import is then checked without them and the server still checks on save.
 */
export async function fetchGeodataSchemas(schemaBaseUrl: string, layerId: string): Promise<GeodataSchemas | undefined> {
  try {
    const [planLayer, layer] = await Promise.all(
      ['plan-layer.schema.json', `${layerId}.schema.json`].map((file) => fetchJson(new URL(file, schemaBaseUrl).href)),
    );
    return { planLayer, layers: { [layerId]: layer } };
  } catch {
    return undefined;
  }
}
