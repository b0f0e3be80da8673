import type { GeodataSchemas } from '../domain/plan/schemaValidation';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.json() as Promise<unknown>;
}

/**
 * The schema the server validates every layer with (geodata/schema/plan-layer.schema.json; each
 * layer's narrowing is derived from the manifest), so the browser checks an import's attributes
 * the same way before anyone presses Save. Undefined when it cannot be read: the import is then
 * checked without it and the server still checks on save.
 */
export async function fetchGeodataSchemas(schemaBaseUrl: string): Promise<GeodataSchemas | undefined> {
  try {
    return { planLayer: await fetchJson(new URL('plan-layer.schema.json', schemaBaseUrl).href) };
  } catch {
    return undefined;
  }
}
