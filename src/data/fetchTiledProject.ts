import { measuredLayerOf, type MeasuredLayer } from '../domain/measure/measuredLayer';
import type { LayerDefinition } from '../domain/plan/manifest';
import { httpFailure } from './httpFailure';
import { parseLayer } from './parseGeodata';

/**
 * One project of a tiled layer as a layer of one, for the details card: the stored feature and
 * its measures as the server computes them on the stored geometry (GET
 * /api/layers/:id/features/:featureId), never from a tile's clipped and simplified shape.
 * Parsed as a layer file is, so its properties are read by the same rules; with the project's
 * version, for a save. Null: no such project.
 */
export interface TiledProject {
  /** A layer of one: the project. */
  layer: MeasuredLayer;
  /** The project's own version, for a conditional save of it. */
  version: string;
}

export async function fetchTiledProject(apiBaseUrl: string, definition: LayerDefinition, featureId: string, signal: AbortSignal): Promise<TiledProject | null> {
  const url = new URL(`layers/${encodeURIComponent(definition.id)}/features/${encodeURIComponent(featureId)}`, apiBaseUrl);
  const response = await fetch(url.href, { signal, cache: 'no-cache' });
  if (response.status === 404) return null;
  if (!response.ok) throw httpFailure(`${definition.id}/${featureId}`, response);
  const body = (await response.json()) as { feature?: unknown; version?: unknown; areaSquareMeters?: unknown; lengthMeters?: unknown };
  const file = `${definition.id}.geojson`;
  const { features } = parseLayer(JSON.stringify({ type: 'FeatureCollection', features: [body.feature] }), file);
  const area = typeof body.areaSquareMeters === 'number' ? body.areaSquareMeters : Number.NaN;
  const length = typeof body.lengthMeters === 'number' ? body.lengthMeters : Number.NaN;
  return {
    layer: measuredLayerOf(definition, features, { areaSquareMeters: Float64Array.of(area), lengthMeters: Float64Array.of(length) }),
    version: typeof body.version === 'string' ? body.version : '',
  };
}
